package gpufaas.backend.cuda;

import java.util.Locale;

/** The four kernels of {@code kernels.cu}, each with the unit its size is counted in. */
public enum KernelKind {
    /** compute-bound: products of two {@value KernelMapping#MATMUL_N}² float matrices in 16 × 16 shared-memory tiles */
    MATMUL("matmul_tiled", "compute-bound tiled matrix product", "matrix products (512 x 512)"),
    /** memory-bound: a = b + s·c over (part of) the footprint, repeated */
    TRIAD("triad", "memory-bound stream triad over the footprint", "element updates"),
    /** a timed spin on the GPU's global timer */
    SPIN("spin", "timed spin", "microseconds"),
    /** iterative 5-point Jacobi stencil on a square grid taken from the footprint */
    STENCIL("stencil5", "iterative 5-point stencil", "cell updates");

    /** the PTX entry point */
    public final String entry;

    public final String description;
    /** what one unit of size is */
    public final String unit;

    KernelKind(String entry, String description, String unit) {
        this.entry = entry;
        this.description = description;
        this.unit = unit;
    }

    /** lower-case name used in outputs (matmul, triad, spin, stencil) */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
