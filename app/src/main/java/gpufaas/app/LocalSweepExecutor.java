package gpufaas.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs sweep points on a fixed pool of threads in this process, each through {@link PointRunner}. */
final class LocalSweepExecutor implements SweepExecutor {
    private final int threads;

    /** @param threads pool size; 0 or less means one per available processor */
    LocalSweepExecutor(int threads) {
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String where(int points) {
        int n = Math.max(1, Math.min(threads, points));
        return n + (n == 1 ? " thread" : " threads");
    }

    @Override
    public void execute(List<SweepTask> tasks, Listener listener) throws Exception {
        int n = Math.max(1, Math.min(threads, tasks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "sweep-point");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean failed = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (SweepTask task : tasks) {
                futures.add(pool.submit(() -> {
                    if (failed.get()) return null;
                    try {
                        PointRunner.run(task);
                    } catch (Throwable e) {
                        failed.set(true);
                        throw e;
                    }
                    listener.finished(task, done.incrementAndGet(), tasks.size());
                    return null;
                }));
            }
            Exception first = null;
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) first = e;
                }
            }
            if (first != null) throw first;
        } finally {
            pool.shutdownNow();
        }
    }
}
