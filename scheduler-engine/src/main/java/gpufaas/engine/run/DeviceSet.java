package gpufaas.engine.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MemoryMode;
import gpufaas.engine.device.MigProfile;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import java.util.ArrayList;
import java.util.List;

/** Builds the devices of a configuration: GPUs or their MIG instances, then the CPU pool. */
public final class DeviceSet {
    private DeviceSet() {}

    public static List<Device> build(EngineConfig cfg) {
        GpuSetup hw = cfg.hardware();
        List<Device> out = new ArrayList<>();
        DeviceProfile p = hw.profile();
        MigProfile mig = null;
        if (hw.mig() != null && !hw.mig().isBlank()) {
            mig = p.migProfile(hw.mig());
            if (mig == null) {
                List<String> names = new ArrayList<>();
                for (MigProfile m : p.migProfiles()) names.add(m.name());
                throw new BadInputException(
                        "--mig",
                        0,
                        "mig",
                        "profile " + p.name() + " has no MIG profile '" + hw.mig() + "'"
                                + (names.isEmpty()
                                        ? " (this card has no MIG)"
                                        : "; known: " + String.join(", ", names)));
            }
        }
        for (int g = 0; g < hw.count(); g++) {
            if (mig == null) {
                out.add(new Device(
                        out.size(),
                        p.name() + "-" + g,
                        DeviceKind.GPU,
                        p,
                        g,
                        p.memoryMb(),
                        1.0,
                        hw.mps(),
                        hw.mps() ? cfg.mpsThreadPct() : 100,
                        cfg.dMax(),
                        cfg.utilLimit(),
                        cfg.pool()));
            } else {
                for (int i = 0; i < mig.count(); i++) {
                    out.add(new Device(
                            out.size(),
                            p.name() + "-" + g + "/" + mig.name() + "-" + i,
                            DeviceKind.GPU,
                            p,
                            g,
                            mig.memoryMb(),
                            mig.computeShare(),
                            hw.mps(),
                            hw.mps() ? cfg.mpsThreadPct() : 100,
                            cfg.dMax(),
                            cfg.utilLimit(),
                            cfg.pool()));
                }
            }
        }
        if (hw.cpuCores() > 0) {
            out.add(new Device(
                    out.size(),
                    "cpu",
                    DeviceKind.CPU,
                    p,
                    -1,
                    0,
                    1.0,
                    false,
                    100,
                    hw.cpuCores(),
                    0,
                    Math.max(cfg.pool(), hw.cpuCores())));
        }
        return out;
    }

    /** The devices of {@code kind}, in order. */
    public static List<Device> of(List<Device> devices, DeviceKind kind) {
        List<Device> out = new ArrayList<>();
        for (Device d : devices) if (d.kind == kind) out.add(d);
        return out;
    }

    /** Without memory management (memory mode none) every function must fit on every GPU with its context. */
    static void checkFootprints(EngineConfig cfg, List<Device> gpus, List<FunctionSpec> fns) {
        if (cfg.memoryMode() != MemoryMode.NONE) return;
        for (Device d : gpus) {
            for (FunctionSpec f : fns) {
                if (f.gpuMemMb() + d.profile.contextMemMb() > d.memoryMb) {
                    throw BadInputException.of(
                            "--param memory=none",
                            "function '" + f.name() + "' needs " + f.gpuMemMb() + " MB plus context, device " + d.name
                                    + " has " + d.memoryMb + " MB");
                }
            }
        }
    }
}
