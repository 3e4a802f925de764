package gpufaas.backend.cuda;

import java.util.Optional;

/**
 * The few native calls the probe makes, behind an interface so that its fallbacks can be tested
 * without a GPU. Any method may throw {@link LinkageError} (natives missing or not loadable).
 */
interface ProbeApi {
    /** {@code cudaGetDeviceCount}: the CUDA error code, the count in {@code count[0]}. */
    int runtimeDeviceCount(int[] count);

    /** {@code cudaDriverGetVersion}, 0 when it fails. */
    int driverVersion();

    /** {@code cudaRuntimeGetVersion}, 0 when it fails. */
    int runtimeVersion();

    /** The device's properties through the runtime API (MIG left to the caller). */
    CudaDevice describe(int ordinal);

    /** {@code cuInit(0)} then {@code cuDriverGetVersion}: the driver API, touched only after the runtime answered. */
    int driverApiVersion();

    /** The name of a CUDA runtime error code. */
    String errorName(int code);

    /** Whether the driver library libcuda.so.1 is found on this host. */
    boolean libcudaPresent();

    /** The output of {@code nvidia-smi -L} (read-only), empty when the tool is missing or fails. */
    Optional<String> nvidiaSmiList();
}
