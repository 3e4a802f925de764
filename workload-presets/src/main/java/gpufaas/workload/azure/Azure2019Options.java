package gpufaas.workload.azure;

import gpufaas.engine.model.BadInputException;
import java.nio.file.Path;

/**
 * What to import from the Azure Functions 2019 dataset.
 *
 * @param dir            folder holding the day's files
 * @param day            1..14 (file suffix {@code .d01} ...)
 * @param functions      how many functions to keep
 * @param select         top-N by invocations in the window, or a seeded random sample
 * @param startMinute    first minute of the window, 0..1439
 * @param minutes        length of the window in minutes
 * @param spreading      how per-minute counts become arrival times
 * @param seed           seeds the random sample and the random spreading
 * @param useTraceMemory use the app's average allocated memory as the GPU footprint instead of the benchmark's
 */
public record Azure2019Options(
        Path dir,
        int day,
        int functions,
        Selection select,
        int startMinute,
        int minutes,
        Spreading spreading,
        long seed,
        boolean useTraceMemory) {
    public static final String SOURCE = "azure2019";

    public Azure2019Options {
        if (dir == null) throw new BadInputException(SOURCE, 0, "dir", "is required");
        if (day < 1 || day > 14) throw new BadInputException(SOURCE, 0, "day", "must be 1..14, got " + day);
        if (functions < 1) throw new BadInputException(SOURCE, 0, "functions", "must be >= 1, got " + functions);
        if (startMinute < 0 || startMinute > 1439) {
            throw new BadInputException(SOURCE, 0, "start_minute", "must be 0..1439, got " + startMinute);
        }
        if (minutes < 1 || startMinute + minutes > 1440) {
            throw new BadInputException(
                    SOURCE,
                    0,
                    "minutes",
                    "must be 1.." + (1440 - startMinute) + " for start_minute " + startMinute + ", got " + minutes);
        }
        if (select == null) select = Selection.TOP;
        if (spreading == null) spreading = Spreading.UNIFORM_RANDOM;
    }

    /** The paper's setting: 24 functions, top-N, first 10 minutes, uniform random spreading. */
    public static Azure2019Options of(Path dir, int day) {
        return new Azure2019Options(dir, day, 24, Selection.TOP, 0, 10, Spreading.UNIFORM_RANDOM, 42, false);
    }

    private String suffix() {
        return String.format("d%02d.csv", day);
    }

    public Path invocationsFile() {
        return dir.resolve("invocations_per_function_md.anon." + suffix());
    }

    public Path durationsFile() {
        return dir.resolve("function_durations_percentiles.anon." + suffix());
    }

    public Path memoryFile() {
        return dir.resolve("app_memory_percentiles.anon." + suffix());
    }
}
