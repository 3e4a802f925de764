package gpufaas.workload.device;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MigProfile;

import java.util.ArrayList;
import java.util.List;

import static gpufaas.workload.json.FieldProblem.require;

/**
 * The JSON form of a {@link DeviceProfile} (snake_case), validated field by field while Jackson
 * binds it so that a bad value is reported with its line. {@code sources} says where the numbers
 * come from; the engine does not need it.
 */
@JsonPropertyOrder({"name", "description", "memory_mb", "sms", "link_gbps", "fault_gbps", "speed", "context_mem_mb", "slowdown",
    "mps_slowdown", "mps_sm_sensitivity", "uvm_oversubscribed_factor", "util_sample_ms", "mig_profiles",
    "price_per_second", "cpu_price_per_second", "sources"})
record DeviceProfileJson(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("description") String description,
        @JsonProperty(value = "memory_mb", required = true) double memoryMb,
        @JsonProperty(value = "sms", required = true) int sms,
        @JsonProperty(value = "link_gbps", required = true) double linkGbps,
        @JsonProperty("fault_gbps") Double faultGbps,
        @JsonProperty(value = "speed", required = true) double speed,
        @JsonProperty(value = "context_mem_mb", required = true) double contextMemMb,
        @JsonProperty(value = "slowdown", required = true) double[] slowdown,
        @JsonProperty(value = "mps_slowdown", required = true) double[] mpsSlowdown,
        @JsonProperty(value = "mps_sm_sensitivity", required = true) double mpsSmSensitivity,
        @JsonProperty(value = "uvm_oversubscribed_factor", required = true) double uvmOversubscribedFactor,
        @JsonProperty(value = "util_sample_ms", required = true) double utilSampleMs,
        @JsonProperty("mig_profiles") List<Mig> migProfiles,
        @JsonProperty("price_per_second") double pricePerSecond,
        @JsonProperty("cpu_price_per_second") Double cpuPricePerSecond,
        @JsonProperty("sources") String sources) {

    DeviceProfileJson {
        require(name != null && !name.isBlank(), "name", "must not be empty");
        require(memoryMb > 0 && Double.isFinite(memoryMb), "memory_mb", "must be > 0");
        require(sms > 0, "sms", "must be > 0");
        require(linkGbps > 0 && Double.isFinite(linkGbps), "link_gbps", "must be > 0");
        if (faultGbps == null) faultGbps = linkGbps * DeviceProfile.DEFAULT_FAULT_SHARE;
        require(faultGbps > 0 && faultGbps <= linkGbps, "fault_gbps", "must be > 0 and at most link_gbps");
        require(speed > 0 && Double.isFinite(speed), "speed", "must be > 0");
        require(contextMemMb >= 0 && contextMemMb < memoryMb, "context_mem_mb", "must be >= 0 and below memory_mb");
        requireCurve(slowdown, "slowdown");
        requireCurve(mpsSlowdown, "mps_slowdown");
        require(mpsSmSensitivity >= 0 && mpsSmSensitivity <= 1, "mps_sm_sensitivity", "must be between 0 and 1");
        require(uvmOversubscribedFactor >= 1 && Double.isFinite(uvmOversubscribedFactor), "uvm_oversubscribed_factor", "must be >= 1");
        require(utilSampleMs > 0 && Double.isFinite(utilSampleMs), "util_sample_ms", "must be > 0");
        require(pricePerSecond >= 0 && Double.isFinite(pricePerSecond), "price_per_second", "must be >= 0");
        if (cpuPricePerSecond == null) cpuPricePerSecond = DeviceProfile.DEFAULT_CPU_PRICE_PER_SECOND;
        require(cpuPricePerSecond >= 0 && Double.isFinite(cpuPricePerSecond), "cpu_price_per_second", "must be >= 0");
        migProfiles = migProfiles == null ? List.of() : List.copyOf(migProfiles);
        for (Mig m : migProfiles) {
            require(m.memoryMb() <= memoryMb, "mig_profiles", "MIG profile " + m.name() + " has more memory than the card");
        }
    }

    private static void requireCurve(double[] c, String field) {
        require(c != null && c.length > 0, field, "needs at least one factor (k = 1)");
        require(c[0] >= 1, field, "the factor for one invocation must be >= 1");
        for (int i = 1; i < c.length; i++) require(c[i] >= c[i - 1], field, "factors must not decrease with k");
    }

    /** One MIG instance profile. */
    @JsonPropertyOrder({"name", "compute_slices", "total_slices", "memory_mb", "count"})
    record Mig(@JsonProperty(value = "name", required = true) String name,
               @JsonProperty(value = "compute_slices", required = true) int computeSlices,
               @JsonProperty(value = "total_slices", required = true) int totalSlices,
               @JsonProperty(value = "memory_mb", required = true) double memoryMb,
               @JsonProperty(value = "count", required = true) int count) {
        Mig {
            require(name != null && !name.isBlank(), "name", "must not be empty");
            require(totalSlices > 0, "total_slices", "must be > 0");
            require(computeSlices > 0 && computeSlices <= totalSlices, "compute_slices", "must be between 1 and total_slices");
            require(memoryMb > 0 && Double.isFinite(memoryMb), "memory_mb", "must be > 0");
            require(count > 0, "count", "must be > 0");
        }
    }

    DeviceProfile toProfile() {
        List<MigProfile> migs = new ArrayList<>();
        for (Mig m : migProfiles) migs.add(new MigProfile(m.name(), m.computeSlices(), m.totalSlices(), m.memoryMb(), m.count()));
        return new DeviceProfile(name, description == null ? "" : description, memoryMb, sms, linkGbps, faultGbps, speed,
                contextMemMb, slowdown, mpsSlowdown, mpsSmSensitivity, uvmOversubscribedFactor, utilSampleMs, migs, pricePerSecond,
                cpuPricePerSecond);
    }

    static DeviceProfileJson of(DeviceProfile p, String sources) {
        List<Mig> migs = new ArrayList<>();
        for (MigProfile m : p.migProfiles()) migs.add(new Mig(m.name(), m.computeSlices(), m.totalSlices(), m.memoryMb(), m.count()));
        return new DeviceProfileJson(p.name(), p.description(), p.memoryMb(), p.sms(), p.linkGBps(), p.faultGBps(), p.speed(), p.contextMemMb(),
                p.slowdownCurve(), p.mpsSlowdownCurve(), p.mpsSmSensitivity(), p.uvmOversubscribedFactor(), p.utilSampleMs(),
                migs, p.pricePerSecond(), p.cpuPricePerSecond(), sources);
    }
}
