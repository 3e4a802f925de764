package gpufaas.backend.cuda;

import gpufaas.engine.model.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Which kernel a function runs, and how big, so that its kernel takes the function's warm time.
 *
 * <p><b>Kind.</b> The benchmark catalog's functions map by what they are: the ML models, LU
 * decomposition and lavaMD to the compute-bound matrix product; ffmpeg, fft and the pyhpc kernels
 * (isoneural, eos) to the memory-bound triad; myocyte (a latency-bound ODE solver with little
 * parallelism) to the timed spin; the dynamic-programming and diffusion codes (needle, pathfinder,
 * srad) to the iterative stencil. A name matches a catalog name when it equals it or starts with it
 * followed by a non-alphanumeric character ({@code eos-1}, {@code fft_2}); the longest match wins.
 * Any other name maps by a stable hash: FNV-1a (32 bit) of its lower-case UTF-8 bytes, unsigned,
 * modulo 4, in the order matmul, triad, spin, stencil.
 *
 * <p><b>Size.</b> At start the backend measures each kind's time per unit on each GPU
 * ({@link KernelRates}). A function's size is round(warm time ÷ (time per unit × correction)) units,
 * at least one, where the correction (1 at first) is an EWMA of measured ÷ predicted times of
 * that function's earlier runs on that GPU. The geometry per kind:
 * <ul>
 *   <li>matmul: {@value #MATMUL_N}² matrices (3 MiB of the footprint), units = products;</li>
 *   <li>triad: three arrays of footprint ÷ 12 elements; units = element updates, done as passes
 *       over ceil(units ÷ passes) elements;</li>
 *   <li>spin: units = microseconds, one block of 64 threads per SM;</li>
 *   <li>stencil: a square grid of side √(footprint ÷ 8) clamped to [256, 8192] (two float grids);
 *       units = cell updates, done as round(units ÷ side²) sweeps (at least one).</li>
 * </ul>
 * The allocation is the footprint, or the working set when that is larger.
 */
public final class KernelMapping {
    public static final int MATMUL_N = 512;
    static final int STENCIL_MIN_SIDE = 256;
    static final int STENCIL_MAX_SIDE = 8192;
    static final long MIN_TRIAD_ELEMENTS = 1024;

    private static final Map<String, KernelKind> CATALOG = Map.ofEntries(
            Map.entry("imagenet", KernelKind.MATMUL),
            Map.entry("roberta", KernelKind.MATMUL),
            Map.entry("squeezenet", KernelKind.MATMUL),
            Map.entry("rnn", KernelKind.MATMUL),
            Map.entry("lud", KernelKind.MATMUL),
            Map.entry("lavamd", KernelKind.MATMUL),
            Map.entry("ffmpeg", KernelKind.TRIAD),
            Map.entry("fft", KernelKind.TRIAD),
            Map.entry("isoneural", KernelKind.TRIAD),
            Map.entry("eos", KernelKind.TRIAD),
            Map.entry("myocyte", KernelKind.SPIN),
            Map.entry("needle", KernelKind.STENCIL),
            Map.entry("pathfinder", KernelKind.STENCIL),
            Map.entry("srad", KernelKind.STENCIL));

    private KernelMapping() {}

    /** The kernel kind of a function name (see the class comment). */
    public static KernelKind kindFor(String functionName) {
        String name = functionName.toLowerCase(Locale.ROOT).strip();
        String best = null;
        for (String key : CATALOG.keySet()) {
            boolean match =
                    name.equals(key) || (name.startsWith(key) && !Character.isLetterOrDigit(name.charAt(key.length())));
            if (match && (best == null || key.length() > best.length())) best = key;
        }
        if (best != null) return CATALOG.get(best);
        KernelKind[] kinds = KernelKind.values();
        return kinds[Integer.remainderUnsigned(fnv1a(name), kinds.length)];
    }

    /** FNV-1a, 32 bit, of the UTF-8 bytes. */
    static int fnv1a(String s) {
        int h = 0x811c9dc5;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return h;
    }

    /** Bytes of a footprint given in MB (MiB, as the engine's ledger counts them). */
    public static long footprintBytes(FunctionSpec f) {
        return Math.max(1L, Math.round(f.gpuMemMb() * 1024 * 1024));
    }

    /** The kernel's working set over a footprint. */
    static long workingSetBytes(KernelKind kind, long footprintBytes) {
        return switch (kind) {
            case MATMUL -> 3L * MATMUL_N * MATMUL_N * Float.BYTES;
            case TRIAD -> 3L * triadCapacity(footprintBytes) * Float.BYTES;
            case SPIN -> Float.BYTES;
            case STENCIL -> 2L * stencilSide(footprintBytes) * stencilSide(footprintBytes) * Float.BYTES;
        };
    }

    /** Managed memory to allocate for a container. */
    public static long allocationBytes(KernelKind kind, long footprintBytes) {
        return Math.max(footprintBytes, workingSetBytes(kind, footprintBytes));
    }

    static long triadCapacity(long footprintBytes) {
        return Math.max(MIN_TRIAD_ELEMENTS, footprintBytes / (3L * Float.BYTES));
    }

    static int stencilSide(long footprintBytes) {
        long side = (long) Math.floor(Math.sqrt(footprintBytes / (2.0 * Float.BYTES)));
        return (int) Math.max(STENCIL_MIN_SIDE, Math.min(STENCIL_MAX_SIDE, side));
    }

    /** Units for {@code targetMs} at {@code msPerUnit} (at least one). */
    static long units(double targetMs, double msPerUnit) {
        if (!(msPerUnit > 0) || Double.isInfinite(msPerUnit))
            throw new IllegalArgumentException("time per unit must be > 0: " + msPerUnit);
        double u = Math.rint(Math.max(0, targetMs) / msPerUnit);
        return (long) Math.max(1, Math.min(u, 1e15));
    }

    /** The plan of a kernel of {@code kind} over {@code footprintBytes} taking about {@code targetMs}. */
    public static KernelPlan plan(KernelKind kind, long footprintBytes, double targetMs, double msPerUnit) {
        long want = units(targetMs, msPerUnit);
        long alloc = allocationBytes(kind, footprintBytes);
        return switch (kind) {
            case MATMUL -> {
                int reps = (int) Math.min(want, Integer.MAX_VALUE);
                yield new KernelPlan(kind, alloc, MATMUL_N, reps, 0, reps, reps * msPerUnit);
            }
            case TRIAD -> {
                long cap = triadCapacity(footprintBytes);
                long passes = Math.min((want + cap - 1) / cap, Integer.MAX_VALUE);
                long n = Math.min(cap, (want + passes - 1) / passes);
                long done = n * passes;
                yield new KernelPlan(kind, alloc, n, (int) passes, 0, done, done * msPerUnit);
            }
            case SPIN -> new KernelPlan(kind, alloc, 0, 1, Math.multiplyExact(want, 1000L), want, want * msPerUnit);
            case STENCIL -> {
                long side = stencilSide(footprintBytes);
                long cells = side * side;
                long sweeps = Math.max(1, Math.min(Math.round((double) want / cells), Integer.MAX_VALUE));
                long done = sweeps * cells;
                yield new KernelPlan(kind, alloc, side, (int) sweeps, 0, done, done * msPerUnit);
            }
        };
    }
}
