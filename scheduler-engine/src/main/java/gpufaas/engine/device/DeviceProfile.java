package gpufaas.engine.device;

import java.util.Arrays;
import java.util.List;

/**
 * Parameters of a simulated GPU. Every number is an assumption with a source named in
 * {@code docs/model.md}; users override them with their own profile JSON.
 *
 * @param memoryMb       device memory
 * @param sms            streaming multiprocessors (informational; MIG shares come from slices)
 * @param linkGBps       effective host-device bandwidth for prefetch and swap (GB/s)
 * @param faultGBps      effective rate at which demand paging (unified-memory page faults) brings a
 *                       footprint onto the device while its kernels wait (GB/s)
 * @param speed          execution speed relative to the reference device the timings were measured on
 * @param contextMemMb   device memory each container's CUDA context holds while it lives
 * @param slowdown       execution-time factor with k = 1, 2, ... invocations sharing by time slicing
 * @param mpsSlowdown    the same under MPS (spatial sharing)
 * @param mpsSmSensitivity how much a lone MPS client slows when its thread percentage p is below 100:
 *                       factor 1 + s (100/p - 1)
 * @param uvmOversubscribedFactor execution factor while demand-paged memory is oversubscribed
 * @param utilSampleMs   utilization monitoring interval of the gate
 * @param migProfiles    MIG instance profiles, empty when the card has no MIG
 * @param pricePerSecond price of one device-second (for cost metrics)
 * @param cpuPricePerSecond price of one second of one CPU core of the server (for cost metrics)
 */
public record DeviceProfile(String name, String description, double memoryMb, int sms, double linkGBps,
                            double faultGBps, double speed, double contextMemMb, double[] slowdown, double[] mpsSlowdown,
                            double mpsSmSensitivity, double uvmOversubscribedFactor, double utilSampleMs,
                            List<MigProfile> migProfiles, double pricePerSecond, double cpuPricePerSecond) {

    /** CPU core-second price used when a profile does not give one (about 4.8 cents per core-hour). */
    public static final double DEFAULT_CPU_PRICE_PER_SECOND = 0.0000133;

    /** Demand-paging rate as a share of the prefetch rate, for profiles that do not give one (docs/model.md). */
    public static final double DEFAULT_FAULT_SHARE = 0.5;

    public DeviceProfile {
        migProfiles = migProfiles == null ? List.of() : List.copyOf(migProfiles);
        slowdown = slowdown.clone();
        mpsSlowdown = mpsSlowdown.clone();
        check(name, "memory_mb", memoryMb > 0);
        check(name, "link_gbps", linkGBps > 0);
        check(name, "fault_gbps", faultGBps > 0 && faultGBps <= linkGBps);
        check(name, "speed", speed > 0);
        check(name, "context_mem_mb", contextMemMb >= 0 && contextMemMb < memoryMb);
        check(name, "slowdown", slowdown.length > 0 && slowdown[0] >= 1 && nonDecreasing(slowdown));
        check(name, "mps_slowdown", mpsSlowdown.length > 0 && mpsSlowdown[0] >= 1 && nonDecreasing(mpsSlowdown));
        check(name, "mps_sm_sensitivity", mpsSmSensitivity >= 0 && mpsSmSensitivity <= 1);
        check(name, "uvm_oversubscribed_factor", uvmOversubscribedFactor >= 1);
        check(name, "util_sample_ms", utilSampleMs > 0);
        check(name, "price_per_second", pricePerSecond >= 0);
        check(name, "cpu_price_per_second", cpuPricePerSecond >= 0);
    }

    private static void check(String profile, String field, boolean ok) {
        if (!ok) throw new IllegalArgumentException("device profile " + profile + ": invalid " + field);
    }

    private static boolean nonDecreasing(double[] a) {
        for (int i = 1; i < a.length; i++) if (!(a[i] >= a[i - 1])) return false;
        return true;
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

    public double[] slowdownCurve() { return slowdown.clone(); }

    public double[] mpsSlowdownCurve() { return mpsSlowdown.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceProfile p && p.name.equals(name) && p.memoryMb == memoryMb
                && p.linkGBps == linkGBps && p.faultGBps == faultGBps && p.speed == speed && Arrays.equals(p.slowdown, slowdown)
                && Arrays.equals(p.mpsSlowdown, mpsSlowdown) && p.migProfiles.equals(migProfiles);
    }

    @Override
    public int hashCode() { return name.hashCode(); }

    @Override
    public String toString() { return "DeviceProfile[" + name + "]"; }
}
