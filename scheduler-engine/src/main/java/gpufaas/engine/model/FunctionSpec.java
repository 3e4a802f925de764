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
public record FunctionSpec(
        int id,
        String name,
        double gpuWarmMs,
        double gpuColdMs,
        double gpuMemMb,
        double cpuWarmMs,
        double cpuColdMs,
        double weight,
        double sloMs,
        double gpuActivity) {

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
    public FunctionSpec(
            int id,
            String name,
            double gpuWarmMs,
            double gpuColdMs,
            double gpuMemMb,
            double cpuWarmMs,
            double cpuColdMs,
            double weight,
            double sloMs) {
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

    /**
     * A builder naming each value (for tests and tools): GPU timings must be set; the footprint
     * defaults to {@link #DEFAULT_MEM_MB}, the weight to 1; no CPU version, SLO or kernel activity
     * unless set.
     */
    public static Builder builder(int id, String name) {
        return new Builder(id, name);
    }

    /** Builds a {@link FunctionSpec} value by value. */
    public static final class Builder {
        private final int id;
        private final String name;
        private double gpuWarmMs = Double.NaN;
        private double gpuColdMs = Double.NaN;
        private double gpuMemMb = DEFAULT_MEM_MB;
        private double cpuWarmMs = Double.NaN;
        private double cpuColdMs = Double.NaN;
        private double weight = 1.0;
        private double sloMs = Double.NaN;
        private double gpuActivity = Double.NaN;

        private Builder(int id, String name) {
            this.id = id;
            this.name = name;
        }

        /** Warm and cold times on the reference GPU (ms). */
        public Builder gpu(double warmMs, double coldMs) {
            gpuWarmMs = warmMs;
            gpuColdMs = coldMs;
            return this;
        }

        public Builder memMb(double v) {
            gpuMemMb = v;
            return this;
        }

        /** Warm and cold times of the CPU version (ms). */
        public Builder cpu(double warmMs, double coldMs) {
            cpuWarmMs = warmMs;
            cpuColdMs = coldMs;
            return this;
        }

        public Builder weight(double v) {
            weight = v;
            return this;
        }

        public Builder sloMs(double v) {
            sloMs = v;
            return this;
        }

        public Builder gpuActivity(double v) {
            gpuActivity = v;
            return this;
        }

        public FunctionSpec build() {
            return new FunctionSpec(
                    id, name, gpuWarmMs, gpuColdMs, gpuMemMb, cpuWarmMs, cpuColdMs, weight, sloMs, gpuActivity);
        }
    }

    public FunctionSpec withId(int newId) {
        return new FunctionSpec(
                newId, name, gpuWarmMs, gpuColdMs, gpuMemMb, cpuWarmMs, cpuColdMs, weight, sloMs, gpuActivity);
    }

    public boolean hasCpu() {
        return !Double.isNaN(cpuWarmMs);
    }

    public boolean hasSlo() {
        return !Double.isNaN(sloMs);
    }

    /** true when the function declares its kernel activity share. */
    public boolean hasGpuActivity() {
        return !Double.isNaN(gpuActivity);
    }

    /** CPU warm time over GPU warm time; +inf without a CPU version. */
    public double gpuSpeedup() {
        return hasCpu() ? cpuWarmMs / Math.max(gpuWarmMs, 1e-9) : Double.POSITIVE_INFINITY;
    }

    /** CPU cold time, falling back to the warm time when only that is known. */
    public double cpuColdOrWarmMs() {
        return Double.isNaN(cpuColdMs) ? cpuWarmMs : cpuColdMs;
    }
}
