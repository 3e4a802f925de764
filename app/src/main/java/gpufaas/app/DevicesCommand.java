package gpufaas.app;

import gpufaas.backend.cuda.CudaDevice;
import gpufaas.backend.cuda.CudaProbe;
import gpufaas.backend.cuda.CudaProbeResult;
import gpufaas.backend.docker.DockerConnection;
import gpufaas.backend.docker.DockerStatus;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MigProfile;
import gpufaas.workload.device.DeviceProfiles;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./workbench devices}: the built-in simulated GPU profiles, then the CUDA devices of this host (or why there are none). */
@Command(
        name = "devices",
        description =
                "Lists the built-in GPU profiles of the simulator (use one with --gpu NAME[xN]) and the CUDA devices of this host.")
final class DevicesCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        PrintWriter o = main.out;
        o.println("GPU profiles (--gpu NAME[xN], or the path of a profile JSON in the same format):");
        for (String name : DeviceProfiles.builtIn()) {
            DeviceProfile p = DeviceProfiles.load(name);
            o.println();
            o.println("  " + p.name());
            if (p.description() != null && !p.description().isBlank())
                Text.wrap(p.description(), "    ").forEach(o::println);
            o.println("    memory " + Report.num(p.memoryMb()) + " MB, " + p.sms() + " SMs, host link "
                    + Report.num(p.linkGBps()) + " GB/s, speed " + Report.num(p.speed()) + " x the reference device, "
                    + Report.num(p.contextMemMb()) + " MB context per container");
            List<String> migs = new ArrayList<>();
            for (MigProfile m : p.migProfiles()) {
                migs.add(m.name() + " (" + m.computeSlices() + "/" + m.totalSlices() + " of the SMs, "
                        + Report.num(m.memoryMb()) + " MB, " + m.count() + " per GPU)");
            }
            o.println("    MIG: " + (migs.isEmpty() ? "none" : String.join(", ", migs)));
        }
        o.println();
        CudaProbeResult cuda = CudaProbe.probe();
        if (!cuda.available()) {
            o.println("CUDA devices: none (" + cuda.reason() + ")");
        } else {
            o.println("CUDA devices (" + cuda.summary() + "; read only, measure one with " + LauncherName.command()
                    + " calibrate --backend cuda):");
            for (CudaDevice d : cuda.devices()) o.println("  " + d.describe());
        }
        DockerStatus docker = DockerConnection.probe();
        if (!docker.available()) {
            o.println("Docker engine: none (" + docker.reason() + ")");
        } else {
            o.println("Docker engine: " + docker.version() + " (API " + docker.apiVersion() + ") at " + docker.host()
                    + "; " + docker.gpuSupport());
        }
        return 0;
    }
}
