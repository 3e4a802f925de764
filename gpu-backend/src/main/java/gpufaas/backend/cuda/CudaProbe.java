package gpufaas.backend.cuda;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Finds CUDA devices without failing where there is no driver. The order matters (JCuda 12.6 on a
 * host without a driver): the runtime API first ({@code cudaGetDeviceCount}; its natives link
 * cudart statically and load without a driver, answering 35 = insufficient driver); any
 * {@link LinkageError} is caught; only then the driver API, whose natives need libcuda.so.1 and
 * poison their class for the rest of the JVM when it is missing. MIG instances are read, never
 * changed. {@link #probe()} never throws and caches its answer for the JVM's lifetime.
 */
public final class CudaProbe {
    /** cudaErrorInsufficientDriver: no driver, or one older than the runtime JCuda carries */
    static final int INSUFFICIENT_DRIVER = 35;
    /** cudaErrorNoDevice */
    static final int NO_DEVICE = 100;

    private static volatile CudaProbeResult cached;

    private CudaProbe() {}

    /** The probe's answer for this host (computed once; never throws). */
    public static CudaProbeResult probe() {
        CudaProbeResult r = cached;
        if (r == null) {
            synchronized (CudaProbe.class) {
                r = cached;
                if (r == null) cached = r = probe(new JCudaProbeApi());
            }
        }
        return r;
    }

    /** Probes through {@code api}; never throws. */
    static CudaProbeResult probe(ProbeApi api) {
        try {
            return probeOrThrow(api);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return CudaProbeResult.unavailable("CUDA probe failed unexpectedly: " + text(t), 0, 0);
        }
    }

    private static CudaProbeResult probeOrThrow(ProbeApi api) {
        int[] count = {0};
        int rc;
        try {
            rc = api.runtimeDeviceCount(count);
        } catch (LinkageError e) {
            return CudaProbeResult.unavailable(
                    "JCuda's native libraries cannot be loaded on this host ("
                            + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                            + "; this build ships the linux-x86_64 natives): "
                            + text(e),
                    0,
                    0);
        }
        int runtime = quietly(api::runtimeVersion);
        if (rc == INSUFFICIENT_DRIVER) {
            if (!api.libcudaPresent())
                return CudaProbeResult.unavailable("no NVIDIA driver (libcuda.so.1 not found)", 0, runtime);
            int driver = 0;
            try {
                driver = api.driverApiVersion();
            } catch (LinkageError e) {
                return CudaProbeResult.unavailable(
                        "the NVIDIA driver library libcuda.so.1 is present but cannot be loaded: " + text(e),
                        0,
                        runtime);
            }
            return CudaProbeResult.unavailable(
                    "NVIDIA driver too old: it supports CUDA " + CudaProbeResult.version(driver) + ", JCuda "
                            + CudaProbeResult.version(runtime) + " needs a CUDA 12 driver (R525) or newer",
                    driver,
                    runtime);
        }
        int driver = quietly(api::driverVersion);
        if (rc == NO_DEVICE) {
            return CudaProbeResult.unavailable(
                    "the NVIDIA driver (CUDA " + CudaProbeResult.version(driver)
                            + ") sees no CUDA device (cudaErrorNoDevice; check CUDA_VISIBLE_DEVICES and the device files)",
                    driver,
                    runtime);
        }
        if (rc != 0) {
            return CudaProbeResult.unavailable("cudaGetDeviceCount failed: " + api.errorName(rc), driver, runtime);
        }
        if (count[0] <= 0) return CudaProbeResult.unavailable("no CUDA device", driver, runtime);
        Optional<String> smi;
        try {
            smi = api.nvidiaSmiList();
        } catch (RuntimeException e) {
            smi = Optional.empty();
        }
        List<CudaDevice> devices = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < count[0]; i++) {
            try {
                CudaDevice d = api.describe(i);
                MigInfo mig = NvidiaSmi.migInfo(d.name(), d.uuid(), smi);
                devices.add(new CudaDevice(
                        d.ordinal(),
                        d.name(),
                        d.uuid(),
                        d.totalMemoryBytes(),
                        d.ccMajor(),
                        d.ccMinor(),
                        d.multiprocessors(),
                        d.concurrentManagedAccess(),
                        d.pciBusId(),
                        mig));
            } catch (RuntimeException e) {
                problems.add("device " + i + ": " + text(e));
            }
        }
        if (devices.isEmpty()) {
            return CudaProbeResult.unavailable(
                    "no CUDA device could be read: " + String.join("; ", problems), driver, runtime);
        }
        return new CudaProbeResult(true, "", driver, runtime, devices);
    }

    private static int quietly(IntSupplier s) {
        try {
            return s.getAsInt();
        } catch (RuntimeException | LinkageError e) {
            return 0;
        }
    }

    static String text(Throwable t) {
        String m = t.getMessage();
        String s = m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
