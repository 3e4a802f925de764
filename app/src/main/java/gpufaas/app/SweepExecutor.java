package gpufaas.app;

import java.util.List;

/**
 * Runs sweep points. Each task is independent (an experiment JSON in, a result folder out), so an
 * implementation may run them on threads, processes or machines; the local one uses a thread pool.
 */
public interface SweepExecutor {

    /** Told as each task ends successfully; may be called from any thread. */
    @FunctionalInterface
    interface Listener {
        void finished(SweepTask task, int done, int total);
    }

    /**
     * Runs every task, each leaving a complete result folder at {@link SweepTask#outDir()}. After a
     * failure no further task starts; once the running ones have ended, the failure of the
     * lowest-numbered failed task is thrown.
     */
    void execute(List<SweepTask> tasks, Listener listener) throws Exception;
}
