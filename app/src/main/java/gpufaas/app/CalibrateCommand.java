package gpufaas.app;

import gpufaas.backend.cuda.Calibration;
import gpufaas.backend.cuda.CalibrationProfile;
import gpufaas.backend.cuda.Calibrator;
import gpufaas.backend.cuda.CudaDevice;
import gpufaas.backend.cuda.CudaProbe;
import gpufaas.backend.cuda.CudaProbeResult;
import gpufaas.backend.cuda.KernelKind;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.model.BadInputException;
import gpufaas.workload.device.DeviceProfiles;
import gpufaas.workload.device.ProfileDocument;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./workbench calibrate --backend cuda --out PROFILE.json [--device N]}: measures a real GPU
 * with the CUDA backend's kernels and writes a device profile the simulator loads
 * ({@code --gpu PROFILE.json}). Without CUDA: exit 2 with the probe's reason.
 */
@Command(
        name = "calibrate",
        description = {
            "Measures a real GPU through the CUDA backend (kernel times, managed-memory prefetch bandwidth to and from "
                    + "the device, context memory, slowdown of k = 1..6 concurrent kernels) and writes a device profile JSON that "
                    + "run and sweep load with --gpu PROFILE.json. Changes no setting of the card (no MPS daemon, no MIG change, no clocks)."
        })
final class CalibrateCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(
            names = "--backend",
            paramLabel = "cuda",
            defaultValue = "cuda",
            description = "the backend that measures (only cuda)")
    String backend;

    @Option(names = "--out", required = true, paramLabel = "PROFILE.json", description = "the profile file to write")
    Path out;

    @Option(
            names = "--device",
            defaultValue = "0",
            paramLabel = "N",
            description = "CUDA device ordinal (default 0; see ${ROOT-COMMAND-NAME} devices)")
    int device;

    @Option(names = "--name", paramLabel = "NAME", description = "profile name (default: calibrated-<device name>)")
    String name;

    @Option(
            names = "--base",
            paramLabel = "PROFILE",
            description =
                    "built-in profile or profile JSON giving the fields that are not measured (default: the built-in profile of the same card, else generic defaults)")
    String base;

    @Option(
            names = "--speed",
            paramLabel = "X",
            description =
                    "speed relative to the reference device (V100) to write; not measured (default: the base profile's)")
    Double speed;

    @Option(
            names = "--kernel-ms",
            defaultValue = "100",
            paramLabel = "MS",
            description = "length of each kernel in the concurrency runs (default 100)")
    double kernelMs;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        if (!"cuda".equalsIgnoreCase(backend)) {
            throw new BadInputException(
                    "--backend",
                    0,
                    null,
                    "calibrate measures a real GPU through the CUDA backend only: " + "use --backend cuda (got '"
                            + backend + "')");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent))
            throw new BadInputException("--out", 0, null, "no such folder " + parent);
        if (Files.isDirectory(out))
            throw new BadInputException("--out", 0, null, out + " is a folder; give a file name such as profile.json");
        if (speed != null && !(speed > 0 && Double.isFinite(speed)))
            throw new BadInputException("--speed", 0, null, "must be > 0, got " + speed);
        if (!(kernelMs >= 1 && kernelMs <= 10_000))
            throw new BadInputException("--kernel-ms", 0, null, "must be between 1 and 10000");
        DeviceProfile baseProfile = base == null ? null : DeviceProfiles.load(base);
        CudaProbeResult probe = CudaProbe.probe();
        if (!probe.available()) {
            main.err.println("error: CUDA is unavailable: " + probe.reason());
            return Errors.BAD_INPUT;
        }
        CudaDevice d = probe.device(device);
        if (d == null) {
            throw new BadInputException(
                    "--device",
                    0,
                    null,
                    "no CUDA device " + device + " (this host has "
                            + probe.devices().size() + "; see " + LauncherName.command() + " devices)");
        }
        PrintWriter o = main.out;
        o.println("Calibrating " + d.describe());
        Calibration c = Calibrator.run(d, probe.driverVersion(), new Calibrator.Options(kernelMs, 50), s -> {
            o.println("  " + s);
            o.flush();
        });
        if (baseProfile == null) {
            baseProfile = CalibrationProfile.matchBuiltIn(d.name(), d.totalMemoryMb())
                    .map(DeviceProfiles::load)
                    .orElse(null);
        }
        ProfileDocument written = write(
                c,
                baseProfile,
                name == null ? CalibrationProfile.defaultName(d.name()) : name,
                speed == null ? Double.NaN : speed,
                out);
        summary(o, c, written.profile(), baseProfile, speed != null);
        o.println("Wrote " + out + " (profile " + written.profile().name() + "); use it with: " + LauncherName.command()
                + " run --gpu " + out + " ...");
        return 0;
    }

    /** Builds the profile, writes it in DeviceProfiles' format and reads it back (which validates it). */
    static ProfileDocument write(Calibration c, DeviceProfile base, String name, double speed, Path out) {
        DeviceProfile p = CalibrationProfile.toProfile(c, base, name, speed);
        DeviceProfiles.write(p, CalibrationProfile.sources(c, base, speed), out);
        return DeviceProfiles.read(out);
    }

    static void summary(PrintWriter o, Calibration c, DeviceProfile p, DeviceProfile base, boolean speedGiven) {
        o.println("Measured on " + c.device().name() + ":");
        StringBuilder rates = new StringBuilder("  time per unit:");
        for (Map.Entry<KernelKind, Double> e : c.rates().msPerUnit().entrySet()) {
            rates.append(' ')
                    .append(e.getKey().label())
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.4g", e.getValue()))
                    .append(" ms/")
                    .append(e.getKey().unit)
                    .append(';');
        }
        o.println(rates);
        o.println(String.format(
                Locale.ROOT,
                "  prefetch: host to device %.2f GB/s, device to host %.2f GB/s -> link_gbps %.3f",
                c.h2dGBps(),
                c.d2hGBps(),
                p.linkGBps()));
        o.println("  context memory: "
                + (Double.isNaN(c.contextMemMb())
                        ? "not measured (" + Report.num(p.contextMemMb()) + " MB from the base)"
                        : Report.num(p.contextMemMb()) + " MB"));
        for (Map.Entry<KernelKind, double[]> e : c.slowdownByKind().entrySet())
            o.println(
                    "  slowdown k=1.." + e.getValue().length + " " + e.getKey().label() + ": " + curve(e.getValue()));
        o.println("  slowdown written: " + curve(p.slowdownCurve()));
        o.println("  speed " + Report.num(p.speed()) + " ("
                + (speedGiven
                        ? "given with --speed"
                        : "not measured: from " + (base == null ? "the generic defaults" : "profile " + base.name()))
                + ")");
    }

    private static String curve(double[] v) {
        StringBuilder s = new StringBuilder();
        for (double x : v) s.append(s.isEmpty() ? "" : " ").append(String.format(Locale.ROOT, "%.2f", x));
        return s.toString();
    }
}
