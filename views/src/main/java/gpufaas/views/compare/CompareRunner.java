package gpufaas.views.compare;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.RunResult;
import gpufaas.engine.run.TimeSeriesSink;
import gpufaas.views.latency.LatencyAggregator;
import gpufaas.views.run.EngineFactory;
import gpufaas.views.run.RunPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs plans to completion in the background, one engine per plan, on a pool of one thread per
 * core. Each {@link Entry} exposes its progress and, once done, its result or error through
 * volatile fields the FX thread polls once per frame (no callbacks onto the FX thread).
 */
public final class CompareRunner implements AutoCloseable {
    private final EngineFactory factory;
    private final ExecutorService pool;

    public CompareRunner(EngineFactory factory, int threads) {
        this.factory = factory;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "compare-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1);
            return t;
        });
    }

    public CompareRunner(EngineFactory factory) {
        this(factory, Runtime.getRuntime().availableProcessors());
    }

    /** One plan of a comparison. */
    public static final class Entry {
        public enum State {
            QUEUED,
            RUNNING,
            DONE,
            FAILED,
            CANCELLED
        }

        private final String policy;
        private final RunPlan plan;
        private volatile State state = State.QUEUED;
        private volatile long timeUs;
        private volatile CompareResult result;
        private volatile String error = "";
        private volatile boolean cancelled;
        private Future<?> future;

        Entry(String policy, RunPlan plan) {
            this.policy = policy;
            this.plan = plan;
        }

        /** An entry that could not even be planned. */
        static Entry failed(String policy, String error) {
            Entry e = new Entry(policy, null);
            e.state = State.FAILED;
            e.error = error;
            return e;
        }

        public String policy() {
            return policy;
        }

        public State state() {
            return state;
        }

        public CompareResult result() {
            return result;
        }

        public String error() {
            return error;
        }

        /** 0..1, or -1 when the run's length is not known. */
        public double progress() {
            if (state == State.DONE) return 1;
            if (plan == null || plan.horizonUs() <= 0) return -1;
            return Math.min(0.999, (double) timeUs / plan.horizonUs());
        }
    }

    /** Starts one run per plan (a null plan with its error becomes a failed entry). */
    public List<Entry> start(List<String> policies, List<RunPlan> plans, List<String> errors) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < policies.size(); i++) {
            RunPlan p = plans.get(i);
            if (p == null) {
                entries.add(Entry.failed(policies.get(i), errors.get(i)));
                continue;
            }
            Entry e = new Entry(policies.get(i), p);
            e.future = pool.submit(() -> run(e));
            entries.add(e);
        }
        return entries;
    }

    public static void cancel(List<Entry> entries) {
        for (Entry e : entries) {
            e.cancelled = true;
            if (e.future != null) e.future.cancel(false);
            if (e.state == Entry.State.QUEUED) e.state = Entry.State.CANCELLED;
        }
    }

    private void run(Entry e) {
        if (e.cancelled) {
            e.state = Entry.State.CANCELLED;
            return;
        }
        e.state = Entry.State.RUNNING;
        long wall0 = System.nanoTime();
        try {
            List<String> names = new ArrayList<>();
            for (FunctionSpec f : e.plan.workload().functions()) names.add(f.name());
            LatencyAggregator latency = new LatencyAggregator(names);
            EngineListener tap = new EngineListener() {
                @Override
                public void finished(Invocation inv) {
                    if (inv.outcome == Outcome.COMPLETED) latency.record(inv.endUs, inv.e2eUs(), inv.fn());
                }
            };
            Engine engine = factory.create(e.plan.config(), e.plan.workload(), tap, TimeSeriesSink.NONE);
            long n = 0;
            while (engine.step()) {
                if ((++n & 4095) == 0) {
                    e.timeUs = engine.timeUs();
                    if (e.cancelled) {
                        e.state = Entry.State.CANCELLED;
                        return;
                    }
                }
            }
            RunResult r = engine.run();
            e.result = new CompareResult(
                    e.policy,
                    e.plan.label(),
                    r.summary(),
                    latency.curves(e.plan.label()),
                    (System.nanoTime() - wall0) / 1_000_000);
            e.state = Entry.State.DONE;
        } catch (BadInputException ex) {
            e.error = ex.getMessage();
            e.state = Entry.State.FAILED;
        } catch (RuntimeException | OutOfMemoryError ex) {
            e.error = "internal error: " + ex;
            e.state = Entry.State.FAILED;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
