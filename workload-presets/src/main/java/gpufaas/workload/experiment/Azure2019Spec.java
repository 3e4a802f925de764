package gpufaas.workload.experiment;

import static gpufaas.workload.json.FieldProblem.require;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import gpufaas.workload.azure.Azure2019Options;
import gpufaas.workload.azure.Selection;
import gpufaas.workload.azure.Spreading;
import java.nio.file.Path;

/** The {@code workload.azure2019} block; defaults: day 1, 24 functions, top, minutes 0..9, uniform_random. */
@JsonPropertyOrder({"dir", "day", "functions", "select", "start_minute", "minutes", "spreading", "use_trace_memory"})
public record Azure2019Spec(
        String dir,
        Integer day,
        Integer functions,
        Selection select,
        Integer startMinute,
        Integer minutes,
        Spreading spreading,
        Boolean useTraceMemory) {
    public Azure2019Spec {
        require(dir != null && !dir.isBlank(), "dir", "is required (the folder of the dataset's CSV files)");
        if (day == null) day = 1;
        if (functions == null) functions = 24;
        if (select == null) select = Selection.TOP;
        if (startMinute == null) startMinute = 0;
        if (minutes == null) minutes = 10;
        if (spreading == null) spreading = Spreading.UNIFORM_RANDOM;
        if (useTraceMemory == null) useTraceMemory = false;
        require(day >= 1 && day <= 14, "day", "must be 1..14");
        require(functions >= 1, "functions", "must be >= 1");
        require(startMinute >= 0 && startMinute <= 1439, "start_minute", "must be 0..1439");
        require(minutes >= 1 && startMinute + minutes <= 1440, "minutes", "must be 1.." + (1440 - startMinute));
    }

    Azure2019Options options(Path baseDir, long seed) {
        return new Azure2019Options(
                Experiments.resolve(baseDir, dir),
                day,
                functions,
                select,
                startMinute,
                minutes,
                spreading,
                seed,
                useTraceMemory);
    }
}
