package gpufaas.engine.model;

/**
 * A registered function with its measured timings on the reference device (milliseconds) and its
 * GPU memory footprint. {@code cpuWarmMs}/{@code cpuColdMs} are NaN when the function has no CPU
 * version; {@code sloMs} is NaN when it has no latency objective.
 *
 * @param id dense index 0..n-1 used by the engine's arrays
 */
public record FunctionSpec(int id, String name, double gpuWarmMs, double gpuColdMs, double gpuMemMb,
                           double cpuWarmMs, double cpuColdMs, double weight, double sloMs) {

    /** Footprint assumed when a source does not publish one (the reference control plane's default). */
    public static final double DEFAULT_MEM_MB = 3072;

    public FunctionSpec {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("function name is empty");
        requireNonNegative(name, "gpu_warm_ms", gpuWarmMs);
        requireNonNegative(name, "gpu_cold_ms", gpuColdMs);
        requireNonNegative(name, "gpu_mem_mb", gpuMemMb);
        if (!Double.isNaN(cpuWarmMs)) requireNonNegative(name, "cpu_warm_ms", cpuWarmMs);
        if (!Double.isNaN(cpuColdMs)) requireNonNegative(name, "cpu_cold_ms", cpuColdMs);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException(name + ": weight must be a positive number, got " + weight);
        }
        if (!Double.isNaN(sloMs) && !(sloMs > 0)) {
            throw new IllegalArgumentException(name + ": slo_ms must be positive, got " + sloMs);
        }
    }

    private static void requireNonNegative(String fn, String field, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(fn + ": " + field + " must be a finite number >= 0, got " + v);
        }
    }

    /** A GPU-only function with unit weight and no SLO. */
    public static FunctionSpec gpu(int id, String name, double warmMs, double coldMs, double memMb) {
        return new FunctionSpec(id, name, warmMs, coldMs, memMb, Double.NaN, Double.NaN, 1.0, Double.NaN);
    }

    public FunctionSpec withId(int newId) {
        return new FunctionSpec(newId, name, gpuWarmMs, gpuColdMs, gpuMemMb, cpuWarmMs, cpuColdMs, weight, sloMs);
    }

    public boolean hasCpu() { return !Double.isNaN(cpuWarmMs); }

    public boolean hasSlo() { return !Double.isNaN(sloMs); }

    /** CPU warm time over GPU warm time; +inf without a CPU version. */
    public double gpuSpeedup() {
        return hasCpu() ? cpuWarmMs / Math.max(gpuWarmMs, 1e-9) : Double.POSITIVE_INFINITY;
    }

    /** CPU cold time, falling back to the warm time when only that is known. */
    public double cpuColdOrWarmMs() {
        return Double.isNaN(cpuColdMs) ? cpuWarmMs : cpuColdMs;
    }
}
