package gpufaas.sweep.spark;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches the master while a sweep runs: a daemon thread connects to it every second, and after
 * {@link #MISSES} failed tries in a row the master counts as lost (a standalone application cannot
 * get executors back without it). Spark itself waits for a lost master without end.
 */
final class MasterWatch implements AutoCloseable {
    static final int MISSES = 3;
    private final MasterAddress master;
    private final AtomicReference<String> lost = new AtomicReference<>();
    private final Thread thread;

    MasterWatch(MasterAddress master) {
        this.master = master;
        this.thread = new Thread(this::watch, "spark-master-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Why the master counts as lost, or null while it answers. */
    String lost() {
        return lost.get();
    }

    private void watch() {
        int misses = 0;
        while (!Thread.currentThread().isInterrupted()) {
            String why = master.unreachable(1000);
            misses = why == null ? 0 : misses + 1;
            if (misses >= MISSES) {
                lost.set(why);
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
