package gpufaas.engine.time;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Wall-clock time for the live backends. Actions are kept in a queue ordered by (time, sequence)
 * and run on the thread that calls {@link #runNext(long)} (the engine thread); backends report
 * completions from their own threads with {@link #post(Scheduled)}, which wakes that thread.
 */
public final class WallClockTimeSource implements TimeSource {
    private record Entry(long time, long seq, Scheduled action) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final LongSupplier nanoClock;
    private volatile long originNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private long seq;

    /** A source on {@link System#nanoTime()} whose zero is now. */
    public WallClockTimeSource() {
        this(System::nanoTime);
    }

    /** A source on the given nanosecond clock (tests pass their own). */
    public WallClockTimeSource(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.originNanos = nanoClock.getAsLong();
    }

    /**
     * Makes now time zero again: for an engine built ahead of its start (a window loads a run, the
     * user presses play later). Everything scheduled keeps its time relative to the new zero.
     */
    public void restart() {
        lock.lock();
        try {
            originNanos = nanoClock.getAsLong();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long nowUs() {
        return (nanoClock.getAsLong() - originNanos) / 1000;
    }

    @Override
    public void schedule(long atUs, Scheduled action) {
        lock.lock();
        try {
            queue.add(new Entry(atUs, seq++, action));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code action} as soon as possible on the engine thread; safe from any thread. */
    public void post(Scheduled action) {
        schedule(Long.MIN_VALUE, action);
    }

    @Override
    public boolean runNext(long untilUs) {
        Entry e;
        lock.lock();
        try {
            while (true) {
                Entry head = queue.peek();
                long now = nowUs();
                if (head != null && head.time <= now && head.time <= untilUs) {
                    e = queue.poll();
                    break;
                }
                if (head == null && untilUs == Long.MAX_VALUE) return false;
                if (untilUs <= now && (head == null || head.time > untilUs)) return false;
                long wakeAt = Math.min(untilUs, head == null ? Long.MAX_VALUE : head.time);
                long waitUs = wakeAt - now;
                try {
                    changed.await(Math.max(waitUs, 1), TimeUnit.MICROSECONDS);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        } finally {
            lock.unlock();
        }
        e.action.fire(nowUs());
        return true;
    }

    @Override
    public long peekNextUs() {
        lock.lock();
        try {
            Entry head = queue.peek();
            return head == null ? Long.MAX_VALUE : head.time;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Live backends post their reports from their own threads. */
    @Override
    public boolean fedFromOutside() {
        return true;
    }
}
