package gpufaas.workload.azure;

import gpufaas.engine.model.BadInputException;
import java.nio.file.Path;

/**
 * What to import from the Azure Functions 2021 invocation trace.
 *
 * @param file      {@code AzureFunctionsInvocationTraceForTwoWeeksJan2021.txt}
 * @param functions how many functions to keep
 * @param select    top-N by invocations in the window, or a seeded random sample
 * @param startS    start of the window on the trace's clock, seconds (arrival times are made relative to it)
 * @param durationS length of the window in seconds; {@code +inf} for the rest of the trace
 * @param seed      seeds the random sample
 */
public record Azure2021Options(Path file, int functions, Selection select, double startS, double durationS, long seed) {
    public static final String SOURCE = "azure2021";

    public Azure2021Options {
        if (file == null) throw new BadInputException(SOURCE, 0, "file", "is required");
        if (functions < 1) throw new BadInputException(SOURCE, 0, "functions", "must be >= 1, got " + functions);
        if (!(startS >= 0) || Double.isInfinite(startS))
            throw new BadInputException(SOURCE, 0, "start_s", "must be >= 0");
        if (!(durationS > 0)) throw new BadInputException(SOURCE, 0, "duration_s", "must be > 0");
        if (select == null) select = Selection.TOP;
    }

    /** 24 most invoked functions over the first 10 minutes. */
    public static Azure2021Options of(Path file) {
        return new Azure2021Options(file, 24, Selection.TOP, 0, 600, 42);
    }
}
