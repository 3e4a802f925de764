package gpufaas.workload.azure;

import gpufaas.engine.model.FunctionSpec;
import java.util.List;

/**
 * Maps a trace function to a benchmark function as in the MQFQ-Sticky evaluation (reference §9):
 * the catalog function with the largest warm time not above the trace function's average duration;
 * when every catalog function is longer, the shortest one.
 */
public final class DurationMapper {
    private DurationMapper() {}

    public static FunctionSpec map(double avgDurationMs, List<FunctionSpec> catalog) {
        if (catalog.isEmpty()) throw new IllegalArgumentException("empty catalog");
        FunctionSpec best = null;
        FunctionSpec shortest = catalog.get(0);
        for (FunctionSpec f : catalog) {
            if (f.gpuWarmMs() < shortest.gpuWarmMs()) shortest = f;
            if (f.gpuWarmMs() <= avgDurationMs && (best == null || f.gpuWarmMs() > best.gpuWarmMs())) best = f;
        }
        return best == null ? shortest : best;
    }
}
