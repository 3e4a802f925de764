package gpufaas.app;

import java.util.List;

/**
 * Runs sweep points. Each task is independent (an experiment JSON in, a result folder out), so an
 * implementation may run them on threads, processes or machines; the local one uses a thread pool,
 * a {@link SweepCluster} supplies one that runs them on a cluster.
 */
public interface SweepExecutor extends AutoCloseable {

    /** Told as each task ends successfully; may be called from any thread. */
    @FunctionalInterface
    interface Listener {
        void finished(SweepTask task, int done, int total);
    }

    /**
     * Runs every task, each leaving a complete result folder at {@link SweepTask#outDir()}. After a
     * failure no further task starts; once the running ones have ended (or were cancelled), the
     * failure of the lowest-numbered failed task is thrown.
     */
    void execute(List<SweepTask> tasks, Listener listener) throws Exception;

    /** Where {@code points} points run, for the progress line: "2 threads", "spark://host:7077". */
    String where(int points);

    /** Releases what the executor holds (a cluster application); the local one holds nothing. */
    @Override
    default void close() {}
}
