package gpufaas.workload.gen;

import gpufaas.engine.model.FunctionSpec;
import java.util.List;

/**
 * Offered GPU load: the GPU work that arrives per second, Σ mean rate × warm time, in GPU-seconds
 * per second on the reference device the timings were measured on (a V100). Divide by a device's
 * speed and count to get the share of those devices the workload keeps busy without interference.
 */
public final class OfferedLoad {
    private OfferedLoad() {}

    /** Σ rate_i × gpuWarmMs_i / 1000 over matching positions of the two lists. */
    public static double onReference(List<FunctionSpec> functions, List<ArrivalProcess> processes) {
        if (functions.size() != processes.size()) throw new IllegalArgumentException("lists differ in length");
        double load = 0;
        for (int i = 0; i < functions.size(); i++) {
            load += processes.get(i).meanRatePerS() * functions.get(i).gpuWarmMs() / 1000.0;
        }
        return load;
    }

    /** The share of {@code devices} devices of relative speed {@code speed} kept busy. */
    public static double onDevices(
            List<FunctionSpec> functions, List<ArrivalProcess> processes, double speed, int devices) {
        return onReference(functions, processes) / (speed * Math.max(1, devices));
    }
}
