package gpufaas.workload.experiment;

import static gpufaas.workload.json.FieldProblem.require;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import gpufaas.workload.azure.Azure2021Options;
import gpufaas.workload.azure.Selection;
import java.nio.file.Path;

/**
 * The {@code workload.azure2021} block; defaults: 24 functions, top, from second 0 for the
 * experiment's {@code duration_s} (600 s when that is absent too).
 */
@JsonPropertyOrder({"file", "functions", "select", "start_s", "duration_s"})
public record Azure2021Spec(String file, Integer functions, Selection select, Double startS, Double durationS) {
    public Azure2021Spec {
        require(
                file != null && !file.isBlank(),
                "file",
                "is required (AzureFunctionsInvocationTraceForTwoWeeksJan2021.txt)");
        if (functions == null) functions = 24;
        if (select == null) select = Selection.TOP;
        if (startS == null) startS = 0.0;
        require(functions >= 1, "functions", "must be >= 1");
        require(startS >= 0 && Double.isFinite(startS), "start_s", "must be >= 0");
        require(durationS == null || durationS > 0, "duration_s", "must be > 0");
    }

    Azure2021Options options(Path baseDir, long seed, Double experimentDurationS) {
        double d = durationS != null ? durationS : experimentDurationS != null ? experimentDurationS : 600;
        return new Azure2021Options(Experiments.resolve(baseDir, file), functions, select, startS, d, seed);
    }
}
