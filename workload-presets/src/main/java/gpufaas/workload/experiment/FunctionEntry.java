package gpufaas.workload.experiment;

import static gpufaas.workload.json.FieldProblem.require;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.catalog.BenchmarkCatalog;
import gpufaas.workload.gen.ArrivalProcess;

/**
 * One function of a generated workload: a catalog function ({@code base}) or explicit timings,
 * any {@link FunctionSpec} field overridden, and its arrival process. Without a base,
 * {@code gpu_warm_ms} and {@code gpu_cold_ms} are required and {@code gpu_mem_mb} defaults to
 * {@link FunctionSpec#DEFAULT_MEM_MB}.
 */
@JsonPropertyOrder({
    "name",
    "base",
    "gpu_warm_ms",
    "gpu_cold_ms",
    "gpu_mem_mb",
    "cpu_warm_ms",
    "cpu_cold_ms",
    "weight",
    "slo_ms",
    "gpu_activity",
    "arrival"
})
public record FunctionEntry(
        String name,
        String base,
        Double gpuWarmMs,
        Double gpuColdMs,
        Double gpuMemMb,
        Double cpuWarmMs,
        Double cpuColdMs,
        Double weight,
        Double sloMs,
        Double gpuActivity,
        ArrivalProcess arrival) {

    public FunctionEntry {
        require(name != null && !name.isBlank(), "name", "is required");
        require(
                base == null || BenchmarkCatalog.get().contains(base),
                "base",
                "unknown benchmark function '" + base + "'; known: "
                        + String.join(", ", BenchmarkCatalog.get().names()));
        require(base != null || gpuWarmMs != null, "gpu_warm_ms", "is required when there is no base function");
        require(base != null || gpuColdMs != null, "gpu_cold_ms", "is required when there is no base function");
        nonNegative(gpuWarmMs, "gpu_warm_ms");
        nonNegative(gpuColdMs, "gpu_cold_ms");
        nonNegative(gpuMemMb, "gpu_mem_mb");
        nonNegative(cpuWarmMs, "cpu_warm_ms");
        nonNegative(cpuColdMs, "cpu_cold_ms");
        require(weight == null || (weight > 0 && Double.isFinite(weight)), "weight", "must be > 0");
        require(sloMs == null || (sloMs > 0 && Double.isFinite(sloMs)), "slo_ms", "must be > 0");
        require(gpuActivity == null || (gpuActivity > 0 && gpuActivity <= 1), "gpu_activity", "must be in (0, 1]");
    }

    private static void nonNegative(Double v, String field) {
        require(v == null || (v >= 0 && Double.isFinite(v)), field, "must be a number >= 0");
    }

    /** A catalog function with an arrival process. */
    public static FunctionEntry of(String name, String base, ArrivalProcess arrival) {
        return new FunctionEntry(name, base, null, null, null, null, null, null, null, null, arrival);
    }

    /** The function with id {@code id}: the base's values, then the overrides. */
    public FunctionSpec toSpec(int id) {
        FunctionSpec b = base == null ? null : BenchmarkCatalog.get().function(base);
        return new FunctionSpec(
                id,
                name,
                pick(gpuWarmMs, b == null ? Double.NaN : b.gpuWarmMs()),
                pick(gpuColdMs, b == null ? Double.NaN : b.gpuColdMs()),
                pick(gpuMemMb, b == null ? FunctionSpec.DEFAULT_MEM_MB : b.gpuMemMb()),
                pick(cpuWarmMs, b == null ? Double.NaN : b.cpuWarmMs()),
                pick(cpuColdMs, b == null ? Double.NaN : b.cpuColdMs()),
                pick(weight, b == null ? 1.0 : b.weight()),
                pick(sloMs, b == null ? Double.NaN : b.sloMs()),
                pick(gpuActivity, b == null ? Double.NaN : b.gpuActivity()));
    }

    private static double pick(Double override, double dflt) {
        return override != null ? override : dflt;
    }
}
