package gpufaas.backend.cuda;

import gpufaas.engine.device.DeviceProfile;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link Calibration} into a simulator {@link DeviceProfile}. Measured: memory, SMs,
 * {@code link_gbps} (harmonic mean of the H2D and D2H prefetch bandwidths: the average rate of a
 * swap out and back), {@code context_mem_mb} (when the extra context could be measured) and the
 * {@code slowdown} curve. Not measured, taken from a base profile (the built-in profile of the
 * same card when there is one, else {@link #genericBase}): {@code speed} (our kernels have no
 * timings on the reference V100; pass one explicitly to override), {@code mps_slowdown} and
 * {@code mps_sm_sensitivity} (measuring them would need the MPS daemon, which the workbench never
 * starts), {@code uvm_oversubscribed_factor}, {@code util_sample_ms}, the MIG profiles (the
 * vendor's geometry; MIG is never changed) and prices.
 */
public final class CalibrationProfile {
    private CalibrationProfile() {}

    /** The built-in profile name for a CUDA device name and memory, if the workbench has one. */
    public static Optional<String> matchBuiltIn(String deviceName, double memoryMb) {
        String n = deviceName.toLowerCase(Locale.ROOT);
        if (n.contains("h100")) return Optional.of("h100");
        if (n.contains("a100")) return Optional.of(memoryMb > 60_000 ? "a100-80gb" : "a100-40gb");
        if (n.contains("a30")) return Optional.of("a30");
        if (n.contains("v100")) return Optional.of("v100");
        return Optional.empty();
    }

    /** A base for cards without a built-in profile: speed 1, the model's default assumptions (docs/model.md). */
    public static DeviceProfile genericBase(double memoryMb) {
        return DeviceProfile.builder("generic")
                .memoryMb(memoryMb)
                .sms(1)
                .linkGBps(12)
                .faultGBps(6.0)
                .speed(1.0)
                .contextMemMb(Math.min(300, memoryMb / 2))
                .slowdown(1, 1.28, 1.58, 1.95, 2.475, 3.0)
                .mpsSlowdown(1, 1.12, 1.3, 1.55, 1.8, 2.1)
                .mpsSmSensitivity(0.5)
                .uvmOversubscribedFactor(1.4)
                .utilSampleMs(200)
                .build();
    }

    /** A profile name from a device name: "calibrated-" + lower-case letters, digits and dashes. */
    public static String defaultName(String deviceName) {
        String s = deviceName
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return "calibrated-" + (s.isEmpty() ? "gpu" : s);
    }

    /**
     * The profile.
     *
     * @param base   the source of the fields that are not measured (null: {@link #genericBase})
     * @param speed  the speed to write, or NaN to keep the base's
     */
    public static DeviceProfile toProfile(Calibration c, DeviceProfile base, String name, double speed) {
        double memoryMb = Math.floor(c.device().totalMemoryMb());
        DeviceProfile b = base == null ? genericBase(memoryMb) : base;
        double ctx = Double.isNaN(c.contextMemMb()) ? b.contextMemMb() : round(c.contextMemMb(), 1);
        ctx = Math.min(ctx, memoryMb / 2);
        double sp = Double.isNaN(speed) ? b.speed() : speed;
        double[] curve = new double[c.slowdown().length];
        for (int i = 0; i < curve.length; i++) curve[i] = round(c.slowdown()[i], 3);
        for (int i = 1; i < curve.length; i++) curve[i] = Math.max(curve[i], curve[i - 1]);
        curve[0] = Math.max(1, curve[0]);
        String desc = "Measured by ./workbench calibrate on " + c.device().name() + " (compute capability "
                + c.device().computeCapability() + ", driver CUDA " + CudaProbeResult.version(c.driverVersion()) + ")"
                + (base == null
                        ? "; unmeasured fields are the model's generic defaults"
                        : "; unmeasured fields from built-in profile " + b.name());
        double link = round(c.linkGBps(), 3);
        // demand paging is not measured: it keeps the base profile's ratio to the prefetch rate
        double fault = round(link * b.faultGBps() / b.linkGBps(), 3);
        // the measured knobs replace the base's; the others (and any the base has beyond these) stay
        return b.toBuilder()
                .name(name)
                .description(desc)
                .memoryMb(memoryMb)
                .sms(c.device().multiprocessors())
                .linkGBps(link)
                .faultGBps(fault)
                .speed(sp)
                .contextMemMb(ctx)
                .slowdown(curve)
                .build();
    }

    /** The profile's {@code sources} text: every measurement, and where each unmeasured field comes from. */
    public static String sources(Calibration c, DeviceProfile base, double speed) {
        StringBuilder s = new StringBuilder();
        s.append("Measured with the CUDA backend's kernels (gpu-backend/src/main/cuda/kernels.cu) on ")
                .append(c.device().name())
                .append(", CUDA events. Time per unit:");
        for (Map.Entry<KernelKind, Double> e : c.rates().msPerUnit().entrySet()) {
            s.append(' ')
                    .append(e.getKey().label())
                    .append(' ')
                    .append(sig(e.getValue()))
                    .append(" ms per ")
                    .append(e.getKey().unit)
                    .append(';');
        }
        s.append(" prefetch bandwidth (managed memory, ")
                .append(c.movedBytes() >> 20)
                .append(" MiB, median of ")
                .append(Calibrator.MOVE_ROUNDS)
                .append("): host to device ")
                .append(sig(c.h2dGBps()))
                .append(" GB/s, device to host ")
                .append(sig(c.d2hGBps()))
                .append(" GB/s, link_gbps = their harmonic mean; ");
        s.append("context_mem_mb: ")
                .append(
                        Double.isNaN(c.contextMemMb())
                                ? "not measured, from the base profile"
                                : "one more CUDA context with the kernels loaded")
                .append("; ");
        s.append(
                        "slowdown: geometric mean over the kernels of the mean length of k concurrent copies on k streams over the lone length (")
                .append(sig(c.kernelMs()))
                .append(" ms kernels):");
        for (Map.Entry<KernelKind, double[]> e : c.slowdownByKind().entrySet()) {
            s.append(' ').append(e.getKey().label()).append(' ');
            double[] v = e.getValue();
            for (int i = 0; i < v.length; i++)
                s.append(i == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.2f", v[i]));
            s.append(';');
        }
        String from = base == null ? "the model's generic defaults (docs/model.md)" : "built-in profile " + base.name();
        s.append(" Not measured: speed (")
                .append(Double.isNaN(speed) ? "from " + from : "given on the command line")
                .append(
                        "), mps_slowdown and mps_sm_sensitivity (would need the MPS daemon, never started), uvm_oversubscribed_factor, util_sample_ms, MIG profiles and prices: from ")
                .append(from)
                .append('.');
        return s.toString();
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    static String sig(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
