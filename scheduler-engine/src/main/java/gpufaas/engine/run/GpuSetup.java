package gpufaas.engine.run;

import gpufaas.engine.device.DeviceProfile;

/**
 * The server's hardware: {@code count} GPUs of one profile, optionally partitioned into MIG
 * instances of one profile, optionally shared through MPS, plus a pool of CPU cores.
 */
public record GpuSetup(DeviceProfile profile, int count, String mig, boolean mps, int cpuCores) {
    public GpuSetup {
        if (count < 0 || count > 1024) throw new IllegalArgumentException("GPU count must be 0..1024, got " + count);
        if (cpuCores < 0) throw new IllegalArgumentException("CPU cores must be >= 0, got " + cpuCores);
        if (count > 0 && profile == null) throw new IllegalArgumentException("a GPU profile is needed");
    }
}
