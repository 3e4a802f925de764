package gpufaas.backend.cuda;

/**
 * One measurement of the CUDA backend, handed to a {@link CudaBackend.TimingListener} on the
 * engine's thread just before the engine hears of it.
 *
 * @param invocationId the invocation (container init and execution), -1 for memory moves
 * @param gpu          the CUDA device ordinal
 * @param ms           the measured time: CUDA events around the GPU work (plus the host-side
 *                     cudaMallocManaged for {@link Kind#CONTAINER_INIT})
 * @param bytes        bytes allocated or moved (0 for executions)
 * @param kernel       the kernel kind of the function
 * @param units        the kernel's size in its unit (executions), 0 otherwise
 * @param predictedMs  what the sizing predicted (executions), NaN otherwise
 * @param error        empty, or the CUDA error text when the operation failed
 */
public record CudaTiming(
        Kind kind,
        long invocationId,
        long containerId,
        String function,
        int gpu,
        double ms,
        long bytes,
        KernelKind kernel,
        long units,
        double predictedMs,
        String error) {
    public enum Kind {
        CONTAINER_INIT,
        EXECUTION,
        PREFETCH_TO_DEVICE,
        SWAP_TO_HOST
    }

    public boolean ok() {
        return error.isEmpty();
    }
}
