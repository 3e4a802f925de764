package gpufaas.backend.cuda;

/**
 * One sized kernel run: what to launch over a container's managed allocation.
 *
 * @param allocationBytes managed memory the container holds (its footprint, at least the kernel's working set)
 * @param n     matrix order (matmul), elements per array (triad), grid side (stencil), blocks (spin)
 * @param reps  products (matmul), passes (triad), sweeps (stencil), 1 (spin)
 * @param spinNs nanoseconds of spin (spin only)
 * @param units the size in the kind's unit ({@link KernelKind#unit})
 * @param predictedMs units × the measured time per unit (× the function's correction)
 */
public record KernelPlan(
        KernelKind kind, long allocationBytes, long n, int reps, long spinNs, long units, double predictedMs) {}
