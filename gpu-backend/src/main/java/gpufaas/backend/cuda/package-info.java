/**
 * The CUDA backend (JCuda): {@link gpufaas.backend.cuda.CudaProbe} finds devices without failing
 * where there is no driver; {@link gpufaas.backend.cuda.CudaBackend} runs functions as real kernels
 * (the PTX resource {@code kernels.ptx}, made by {@code tools/make_ptx.sh}) in CUDA managed memory
 * moved by prefetches (Prefetch+Swap), D_max streams per device, timed with CUDA events;
 * {@link gpufaas.backend.cuda.Calibrator} measures a card for a device profile.
 * Only {@code JCudaProbeApi}, {@code GpuWorker} and {@code Calibrator} touch JCuda classes, and
 * only after the probe found a device.
 */
package gpufaas.backend.cuda;
