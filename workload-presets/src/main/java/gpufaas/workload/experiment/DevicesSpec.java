package gpufaas.workload.experiment;

import static gpufaas.workload.json.FieldProblem.require;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The devices of an experiment: {@code count} GPUs of profile {@code gpu} (a built-in name) or of
 * the profile in {@code profile_file} (path relative to the experiment file), optionally each
 * partitioned into MIG instances of profile {@code mig} or shared through MPS, plus a CPU pool.
 */
@JsonPropertyOrder({"gpu", "count", "mig", "mps", "mps_pct", "cpu_cores", "profile_file"})
public record DevicesSpec(
        String gpu, Integer count, String mig, Boolean mps, Integer mpsPct, Integer cpuCores, String profileFile) {
    public static final String DEFAULT_GPU = "a30";

    public DevicesSpec {
        if (gpu == null && profileFile == null) gpu = DEFAULT_GPU;
        if (count == null) count = 1;
        if (mps == null) mps = false;
        if (cpuCores == null) cpuCores = 0;
        require(count >= 0, "count", "must be >= 0");
        require(cpuCores >= 0, "cpu_cores", "must be >= 0");
        require(count > 0 || cpuCores > 0, "count", "an experiment needs at least one GPU or one CPU core");
        require(mpsPct == null || (mpsPct >= 1 && mpsPct <= 100), "mps_pct", "must be 1..100");
        require(mpsPct == null || mps, "mps_pct", "is only meaningful with \"mps\": true");
    }

    /** One GPU of the given profile. */
    public static DevicesSpec of(String gpu, int count) {
        return new DevicesSpec(gpu, count, null, false, null, 0, null);
    }
}
