package gpufaas.views.main;

import java.nio.file.Path;
import java.util.function.BiConsumer;

/**
 * Runs {@code ./workbench reproduce --quick} (the dissertation's experiments on the simulator) into a
 * folder and says where its report is: the application supplies the command's own code.
 */
@FunctionalInterface
public interface Reproducer {
    /**
     * Runs the quick reproduction into {@code out} (an empty or missing folder), calling
     * {@code progress} with (runs done, runs in all) from the worker threads.
     */
    Result reproduce(Path out, BiConsumer<Integer, Integer> progress) throws Exception;

    /** The report's path and its headline: targets met of all. */
    record Result(Path report, long met, long targets) {}

    /** A window without the application's reproduction (tests). */
    Reproducer NONE = (out, progress) -> {
        throw new UnsupportedOperationException("this window has no reproduction: run ./workbench reproduce --quick");
    };
}
