package gpufaas.backend.cuda;

import java.util.List;

/**
 * What {@link CudaProbe} found: the devices, or why CUDA cannot be used here.
 *
 * @param reason        empty when available; otherwise one line, e.g. "no NVIDIA driver (libcuda.so.1 not found)"
 * @param driverVersion the driver's CUDA version as an integer (12040 = 12.4), 0 when unknown
 * @param runtimeVersion the CUDA runtime JCuda carries (12000 = 12.0), 0 when unknown
 */
public record CudaProbeResult(
        boolean available, String reason, int driverVersion, int runtimeVersion, List<CudaDevice> devices) {
    public CudaProbeResult {
        devices = List.copyOf(devices);
        reason = reason == null ? "" : reason;
        if (available && devices.isEmpty()) throw new IllegalArgumentException("available without devices");
        if (!available && reason.isBlank()) throw new IllegalArgumentException("unavailable without a reason");
    }

    static CudaProbeResult unavailable(String reason, int driverVersion, int runtimeVersion) {
        return new CudaProbeResult(false, reason, driverVersion, runtimeVersion, List.of());
    }

    /** "12.4" from 12040; "unknown" for 0. */
    public static String version(int v) {
        return v <= 0 ? "unknown" : (v / 1000) + "." + (v % 1000) / 10;
    }

    /** The device with this ordinal, or null. */
    public CudaDevice device(int ordinal) {
        for (CudaDevice d : devices) if (d.ordinal() == ordinal) return d;
        return null;
    }

    /** One line for a user: the device count and driver, or the reason. */
    public String summary() {
        if (!available) return "CUDA unavailable: " + reason;
        return devices.size() + " CUDA device(s), driver CUDA " + version(driverVersion) + ", JCuda runtime "
                + version(runtimeVersion);
    }
}
