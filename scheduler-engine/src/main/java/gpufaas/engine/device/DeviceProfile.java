package gpufaas.engine.device;

import static gpufaas.engine.model.InvalidFieldException.require;

import gpufaas.engine.model.InvalidFieldException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * Parameters of a simulated GPU, each declared here once: its component (the JSON name is its
 * snake_case), its check in the constructor, and its default in the {@link Builder}. Profile files
 * are read and written from these declarations, and every profile is built with the builder, so a
 * new knob touches this record and the execution model that uses it. Every number is an
 * assumption with a source named in {@code docs/model.md}; users override them with their own
 * profile JSON.
 *
 * @param memoryMb       device memory
 * @param sms            streaming multiprocessors (informational; MIG shares come from slices)
 * @param linkGBps       effective host-device bandwidth for prefetch and swap (GB/s)
 * @param faultGBps      effective rate at which demand paging (unified-memory page faults) brings a
 *                       footprint onto the device while its kernels wait (GB/s); default half of
 *                       {@code linkGBps}
 * @param speed          execution speed relative to the reference device the timings were measured on
 * @param contextMemMb   device memory each container's CUDA context holds while it lives
 * @param slowdown       execution-time factor with k = 1, 2, ... invocations sharing by time slicing
 * @param mpsSlowdown    the same under MPS (spatial sharing)
 * @param mpsSmSensitivity how much a lone MPS client slows when its thread percentage p is below 100:
 *                       factor 1 + s (100/p - 1)
 * @param uvmOversubscribedFactor execution factor while demand-paged memory is oversubscribed
 * @param utilSampleMs   utilization monitoring interval of the gate
 * @param migProfiles    MIG instance profiles, empty when the card has no MIG
 * @param pricePerSecond price of one device-second (for cost metrics); default 0
 * @param cpuPricePerSecond price of one second of one CPU core of the server (for cost metrics)
 */
public record DeviceProfile(
        String name,
        String description,
        double memoryMb,
        int sms,
        double linkGBps,
        double faultGBps,
        double speed,
        double contextMemMb,
        double[] slowdown,
        double[] mpsSlowdown,
        double mpsSmSensitivity,
        double uvmOversubscribedFactor,
        double utilSampleMs,
        List<MigProfile> migProfiles,
        double pricePerSecond,
        double cpuPricePerSecond) {

    /** CPU core-second price used when a profile does not give one (about 4.8 cents per core-hour). */
    public static final double DEFAULT_CPU_PRICE_PER_SECOND = 0.0000133;

    /** Demand-paging rate as a share of the prefetch rate, for profiles that do not give one (docs/model.md). */
    public static final double DEFAULT_FAULT_SHARE = 0.5;

    /** The one validation of a profile; a bad value names its field as profile files spell it. */
    public DeviceProfile {
        require(name != null && !name.isBlank(), "name", "must not be empty");
        if (description == null) description = "";
        require(memoryMb > 0 && Double.isFinite(memoryMb), "memory_mb", "must be > 0");
        require(sms > 0, "sms", "must be > 0");
        require(linkGBps > 0 && Double.isFinite(linkGBps), "link_gbps", "must be > 0");
        require(faultGBps > 0 && faultGBps <= linkGBps, "fault_gbps", "must be > 0 and at most link_gbps");
        require(speed > 0 && Double.isFinite(speed), "speed", "must be > 0");
        require(contextMemMb >= 0 && contextMemMb < memoryMb, "context_mem_mb", "must be >= 0 and below memory_mb");
        slowdown = curve(slowdown, "slowdown");
        mpsSlowdown = curve(mpsSlowdown, "mps_slowdown");
        require(mpsSmSensitivity >= 0 && mpsSmSensitivity <= 1, "mps_sm_sensitivity", "must be between 0 and 1");
        require(
                uvmOversubscribedFactor >= 1 && Double.isFinite(uvmOversubscribedFactor),
                "uvm_oversubscribed_factor",
                "must be >= 1");
        require(utilSampleMs > 0 && Double.isFinite(utilSampleMs), "util_sample_ms", "must be > 0");
        require(pricePerSecond >= 0 && Double.isFinite(pricePerSecond), "price_per_second", "must be >= 0");
        require(cpuPricePerSecond >= 0 && Double.isFinite(cpuPricePerSecond), "cpu_price_per_second", "must be >= 0");
        migProfiles = migProfiles == null ? List.of() : List.copyOf(migProfiles);
        for (MigProfile m : migProfiles) {
            require(
                    m.memoryMb() <= memoryMb,
                    "mig_profiles",
                    "MIG profile " + m.name() + " has more memory than the card");
        }
    }

    private static double[] curve(double[] c, String field) {
        require(c != null && c.length > 0, field, "needs at least one factor (k = 1)");
        require(c[0] >= 1, field, "the factor for one invocation must be >= 1");
        for (int i = 1; i < c.length; i++) require(c[i] >= c[i - 1], field, "factors must not decrease with k");
        return c.clone();
    }

    /** A builder with no values: the knobs without a default must be set. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this profile's values. */
    public Builder toBuilder() {
        return new Builder()
                .name(name)
                .description(description)
                .memoryMb(memoryMb)
                .sms(sms)
                .linkGBps(linkGBps)
                .faultGBps(faultGBps)
                .speed(speed)
                .contextMemMb(contextMemMb)
                .slowdown(slowdown)
                .mpsSlowdown(mpsSlowdown)
                .mpsSmSensitivity(mpsSmSensitivity)
                .uvmOversubscribedFactor(uvmOversubscribedFactor)
                .utilSampleMs(utilSampleMs)
                .migProfiles(migProfiles)
                .pricePerSecond(pricePerSecond)
                .cpuPricePerSecond(cpuPricePerSecond);
    }

    /** Slowdown with k concurrent invocations, linearly interpolated / extrapolated from the curve. */
    public double slowdownAt(int k, boolean mps) {
        return interpolate(mps ? mpsSlowdown : slowdown, k);
    }

    static double interpolate(double[] curve, int k) {
        if (k <= 1) return curve[0];
        if (k <= curve.length) return curve[k - 1];
        if (curve.length == 1) return curve[0] * k;
        double step = curve[curve.length - 1] - curve[curve.length - 2];
        return curve[curve.length - 1] + step * (k - curve.length);
    }

    public MigProfile migProfile(String mig) {
        for (MigProfile m : migProfiles) if (m.name().equalsIgnoreCase(mig)) return m;
        return null;
    }

    public double[] slowdownCurve() {
        return slowdown.clone();
    }

    public double[] mpsSlowdownCurve() {
        return mpsSlowdown.clone();
    }

    /** Equal when every knob is (curves element by element). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeviceProfile p)) return false;
        for (RecordComponent c : DeviceProfile.class.getRecordComponents()) {
            if (!Objects.deepEquals(value(c, this), value(c, p))) return false;
        }
        return true;
    }

    private static Object value(RecordComponent c, DeviceProfile p) {
        try {
            return c.getAccessor().invoke(p);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return "DeviceProfile[" + name + "]";
    }

    /**
     * Builds a {@link DeviceProfile}: {@code description} defaults to empty, {@code faultGBps} to
     * {@link #DEFAULT_FAULT_SHARE} of the link, {@code migProfiles} to none, {@code pricePerSecond}
     * to 0 and {@code cpuPricePerSecond} to {@link #DEFAULT_CPU_PRICE_PER_SECOND}; every other knob
     * must be set ({@link #build} names the first one missing). Profile files are read through it.
     */
    public static final class Builder {
        private String name;
        private String description = "";
        private Double memoryMb;
        private Integer sms;
        private Double linkGBps;
        private Double faultGBps;
        private Double speed;
        private Double contextMemMb;
        private double[] slowdown;
        private double[] mpsSlowdown;
        private Double mpsSmSensitivity;
        private Double uvmOversubscribedFactor;
        private Double utilSampleMs;
        private List<MigProfile> migProfiles = List.of();
        private double pricePerSecond;
        private double cpuPricePerSecond = DEFAULT_CPU_PRICE_PER_SECOND;

        public Builder() {}

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder memoryMb(double v) {
            memoryMb = v;
            return this;
        }

        public Builder sms(int v) {
            sms = v;
            return this;
        }

        public Builder linkGBps(double v) {
            linkGBps = v;
            return this;
        }
        /** The demand-paging rate; null for the default share of the link. */
        public Builder faultGBps(Double v) {
            faultGBps = v;
            return this;
        }

        public Builder speed(double v) {
            speed = v;
            return this;
        }

        public Builder contextMemMb(double v) {
            contextMemMb = v;
            return this;
        }

        public Builder slowdown(double... v) {
            slowdown = v;
            return this;
        }

        public Builder mpsSlowdown(double... v) {
            mpsSlowdown = v;
            return this;
        }

        public Builder mpsSmSensitivity(double v) {
            mpsSmSensitivity = v;
            return this;
        }

        public Builder uvmOversubscribedFactor(double v) {
            uvmOversubscribedFactor = v;
            return this;
        }

        public Builder utilSampleMs(double v) {
            utilSampleMs = v;
            return this;
        }

        public Builder migProfiles(List<MigProfile> v) {
            migProfiles = v;
            return this;
        }

        public Builder pricePerSecond(double v) {
            pricePerSecond = v;
            return this;
        }
        /** The CPU core-second price; null for the default. */
        public Builder cpuPricePerSecond(Double v) {
            cpuPricePerSecond = v == null ? DEFAULT_CPU_PRICE_PER_SECOND : v;
            return this;
        }

        /** The profile; an {@link InvalidFieldException} names a missing or bad knob. */
        public DeviceProfile build() {
            require(name != null, "name", "is required");
            return new DeviceProfile(
                    name,
                    description,
                    required(memoryMb, "memory_mb"),
                    required(sms, "sms"),
                    required(linkGBps, "link_gbps"),
                    faultGBps != null ? faultGBps : linkGBps * DEFAULT_FAULT_SHARE,
                    required(speed, "speed"),
                    required(contextMemMb, "context_mem_mb"),
                    required(slowdown, "slowdown"),
                    required(mpsSlowdown, "mps_slowdown"),
                    required(mpsSmSensitivity, "mps_sm_sensitivity"),
                    required(uvmOversubscribedFactor, "uvm_oversubscribed_factor"),
                    required(utilSampleMs, "util_sample_ms"),
                    migProfiles,
                    pricePerSecond,
                    cpuPricePerSecond);
        }

        private static <T> T required(T v, String field) {
            require(v != null, field, "is required");
            return v;
        }
    }
}
