package gpufaas.backend.cuda;

/**
 * A CUDA device as the probe found it (read-only facts).
 *
 * @param ordinal                 the CUDA device ordinal (what {@code cudaSetDevice} takes)
 * @param uuid                    {@code GPU-xxxxxxxx-...} as nvidia-smi prints it, empty when unknown
 * @param concurrentManagedAccess whether managed memory can be prefetched and used concurrently
 *                                (needed for Prefetch+Swap)
 * @param mig                     the MIG state of the card, as far as it can be read
 */
public record CudaDevice(
        int ordinal,
        String name,
        String uuid,
        long totalMemoryBytes,
        int ccMajor,
        int ccMinor,
        int multiprocessors,
        boolean concurrentManagedAccess,
        String pciBusId,
        MigInfo mig) {

    public double totalMemoryMb() {
        return totalMemoryBytes / (1024.0 * 1024.0);
    }

    public String computeCapability() {
        return ccMajor + "." + ccMinor;
    }

    /** One line: name, memory, compute capability, SMs, MIG. */
    public String describe() {
        return "cuda:" + ordinal + "  " + name + ", " + Math.round(totalMemoryMb()) + " MB, compute capability "
                + computeCapability() + ", " + multiprocessors + " SMs"
                + (pciBusId.isEmpty() ? "" : ", PCI " + pciBusId)
                + (concurrentManagedAccess ? "" : ", no concurrent managed access (prefetches are hints only)")
                + "; " + mig.describe();
    }
}
