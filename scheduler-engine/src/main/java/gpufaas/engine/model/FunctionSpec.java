package gpufaas.engine.model;

/**
 * A registered function with its measured timings on the reference device (milliseconds) and its
 * GPU memory footprint. {@code cpuWarmMs}/{@code cpuColdMs} are NaN when the function has no CPU
 * version; {@code sloMs} is NaN when it has no latency objective.
 *
 * @param id dense index 0..n-1 used by the engine's arrays
 * @param gpuActivity share of a warm GPU execution during which one of its kernels runs (what NVML's
 *                    utilization counts), in (0, 1]; NaN when unknown (the engine's default applies)
 */
public record FunctionSpec(int id, String name, double gpuWarmMs, double gpuColdMs, double gpuMemMb,
                           double cpuWarmMs, double cpuColdMs, double weight, double sloMs, double gpuActivity) {

    /** Footprint assumed when a source does not publish one (the model's calibrated default, docs/model.md). */
    public static final double DEFAULT_MEM_MB = 1024;

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
        if (!Double.isNaN(gpuActivity) && !(gpuActivity > 0 && gpuActivity <= 1)) {
            throw new IllegalArgumentException(name + ": gpu_activity must be in (0, 1], got " + gpuActivity);
        }
    }

    /** A function whose kernel activity is unknown (the engine's default applies). */
    public FunctionSpec(int id, String name, double gpuWarmMs, double gpuColdMs, double gpuMemMb,
                        double cpuWarmMs, double cpuColdMs, double weight, double sloMs) {
        this(id, name, gpuWarmMs, gpuColdMs, gpuMemMb, cpuWarmMs, cpuColdMs, weight, sloMs, Double.NaN);
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
        return new FunctionSpec(newId, name, gpuWarmMs, gpuColdMs, gpuMemMb, cpuWarmMs, cpuColdMs, weight, sloMs, gpuActivity);
    }

    public boolean hasCpu() { return !Double.isNaN(cpuWarmMs); }

    public boolean hasSlo() { return !Double.isNaN(sloMs); }

    /** true when the function declares its kernel activity share. */
    public boolean hasGpuActivity() { return !Double.isNaN(gpuActivity); }

    /** CPU warm time over GPU warm time; +inf without a CPU version. */
    public double gpuSpeedup() {
        return hasCpu() ? cpuWarmMs / Math.max(gpuWarmMs, 1e-9) : Double.POSITIVE_INFINITY;
    }

    /** CPU cold time, falling back to the warm time when only that is known. */
    public double cpuColdOrWarmMs() {
        return Double.isNaN(cpuColdMs) ? cpuWarmMs : cpuColdMs;
    }
}
