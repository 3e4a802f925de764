package gpufaas.backend.cuda;

import java.util.EnumMap;
import java.util.Map;
import jcuda.Pointer;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;
import jcuda.runtime.JCuda;
import jcuda.runtime.cudaError;
import jcuda.runtime.cudaEvent_t;
import jcuda.runtime.cudaStream_t;

/**
 * The kernels loaded on one GPU, and the launches and CUDA calls the backend and the calibrator
 * share. Confined to the thread that created it (that thread's current context is the device's
 * primary context).
 */
final class CudaKernels implements AutoCloseable {
    static final int STENCIL_BX = 32;
    static final int STENCIL_BY = 8;
    static final int TRIAD_BLOCK = 256;
    static final int SPIN_THREADS = 64;

    final int ordinal;
    final int sms;
    final boolean prefetchable;
    private final CUmodule module = new CUmodule();
    private final Map<KernelKind, CUfunction> functions = new EnumMap<>(KernelKind.class);

    CudaKernels(int ordinal, int sms, boolean prefetchable) {
        this.ordinal = ordinal;
        this.sms = Math.max(1, sms);
        this.prefetchable = prefetchable;
        check(JCuda.cudaSetDevice(ordinal), "cudaSetDevice(" + ordinal + ")");
        check(JCuda.cudaFree(new Pointer()), "creating the CUDA context on device " + ordinal);
        checkDriver(JCudaDriver.cuInit(0), "cuInit");
        checkDriver(JCudaDriver.cuModuleLoadData(module, Ptx.image()), "loading kernels.ptx (cuModuleLoadData)");
        for (KernelKind k : KernelKind.values()) {
            CUfunction f = new CUfunction();
            checkDriver(JCudaDriver.cuModuleGetFunction(f, module, k.entry), "cuModuleGetFunction(" + k.entry + ")");
            functions.put(k, f);
        }
    }

    static void check(int rc, String what) {
        if (rc != cudaError.cudaSuccess) throw new CudaException(what + ": " + errorText(rc));
    }

    static String errorText(int rc) {
        String s;
        try {
            s = JCuda.cudaGetErrorString(rc);
        } catch (RuntimeException | LinkageError e) {
            s = null;
        }
        return (s == null ? "" : s + " ") + "(" + cudaError.stringFor(rc) + ")";
    }

    static void checkDriver(int rc, String what) {
        if (rc != CUresult.CUDA_SUCCESS) {
            String[] s = {null};
            JCudaDriver.cuGetErrorString(rc, s);
            throw new CudaException(
                    what + ": " + (s[0] == null ? "" : s[0] + " ") + "(" + CUresult.stringFor(rc) + ")");
        }
    }

    static cudaStream_t newStream() {
        cudaStream_t s = new cudaStream_t();
        check(JCuda.cudaStreamCreateWithFlags(s, JCuda.cudaStreamNonBlocking), "cudaStreamCreateWithFlags");
        return s;
    }

    static cudaEvent_t record(cudaStream_t s) {
        cudaEvent_t e = new cudaEvent_t();
        check(JCuda.cudaEventCreate(e), "cudaEventCreate");
        check(JCuda.cudaEventRecord(e, s), "cudaEventRecord");
        return e;
    }

    /** Milliseconds between two completed events. */
    static double elapsedMs(cudaEvent_t start, cudaEvent_t end) {
        float[] ms = {0};
        check(JCuda.cudaEventElapsedTime(ms, start, end), "cudaEventElapsedTime");
        return ms[0];
    }

    /** Managed memory, attached globally. */
    static Pointer allocManaged(long bytes) {
        Pointer p = new Pointer();
        check(JCuda.cudaMallocManaged(p, bytes, JCuda.cudaMemAttachGlobal), "cudaMallocManaged(" + bytes + " bytes)");
        return p;
    }

    /** Prefetches {@code bytes} at {@code p} to this device or to the host on {@code s} (a no-op where the device cannot). */
    void prefetch(Pointer p, long bytes, boolean toDevice, cudaStream_t s) {
        if (!prefetchable) return;
        check(
                JCuda.cudaMemPrefetchAsync(p, bytes, toDevice ? ordinal : JCuda.cudaCpuDeviceId, s),
                "cudaMemPrefetchAsync to " + (toDevice ? "device " + ordinal : "host"));
    }

    /** Launches {@code plan} (for a stencil: the sweeps {@code from} to {@code from + count - 1}) on {@code s}. */
    void launch(KernelPlan plan, Pointer base, cudaStream_t s, int from, int count) {
        CUstream stream = new CUstream(s);
        CUfunction f = functions.get(plan.kind());
        switch (plan.kind()) {
            case MATMUL -> {
                int n = (int) plan.n();
                long m = (long) n * n * Float.BYTES;
                Pointer params = Pointer.to(
                        Pointer.to(base),
                        Pointer.to(base.withByteOffset(m)),
                        Pointer.to(base.withByteOffset(2 * m)),
                        Pointer.to(new int[] {n}),
                        Pointer.to(new int[] {plan.reps()}));
                int g = (n + 15) / 16;
                checkDriver(
                        JCudaDriver.cuLaunchKernel(f, g, g, 1, 16, 16, 1, 0, stream, params, null),
                        "launching matmul_tiled");
            }
            case TRIAD -> {
                long n = plan.n();
                long bytes = n * Float.BYTES;
                Pointer params = Pointer.to(
                        Pointer.to(base),
                        Pointer.to(base.withByteOffset(bytes)),
                        Pointer.to(base.withByteOffset(2 * bytes)),
                        Pointer.to(new float[] {1.5f}),
                        Pointer.to(new long[] {n}),
                        Pointer.to(new int[] {plan.reps()}));
                int grid = (int) Math.max(1, Math.min((n + TRIAD_BLOCK - 1) / TRIAD_BLOCK, 32L * sms));
                checkDriver(
                        JCudaDriver.cuLaunchKernel(f, grid, 1, 1, TRIAD_BLOCK, 1, 1, 0, stream, params, null),
                        "launching triad");
            }
            case SPIN -> {
                Pointer params = Pointer.to(Pointer.to(new long[] {plan.spinNs()}), Pointer.to(base));
                checkDriver(
                        JCudaDriver.cuLaunchKernel(f, sms, 1, 1, SPIN_THREADS, 1, 1, 0, stream, params, null),
                        "launching spin");
            }
            case STENCIL -> {
                int side = (int) plan.n();
                long grid = (long) side * side * Float.BYTES;
                int gx = (side + STENCIL_BX - 1) / STENCIL_BX;
                int gy = (side + STENCIL_BY - 1) / STENCIL_BY;
                for (int i = from; i < from + count; i++) {
                    Pointer in = (i & 1) == 0 ? base : base.withByteOffset(grid);
                    Pointer out = (i & 1) == 0 ? base.withByteOffset(grid) : base;
                    Pointer params = Pointer.to(
                            Pointer.to(in), Pointer.to(out), Pointer.to(new int[] {side}), Pointer.to(new int[] {side
                            }));
                    checkDriver(
                            JCudaDriver.cuLaunchKernel(
                                    f, gx, gy, 1, STENCIL_BX, STENCIL_BY, 1, 0, stream, params, null),
                            "launching stencil5");
                }
            }
        }
    }

    /**
     * Measures milliseconds per unit of each kind on this GPU: one warm-up run, then runs grown
     * until one takes at least {@code minMs}.
     */
    KernelRates measureRates(double minMs) {
        Map<KernelKind, Double> rates = new EnumMap<>(KernelKind.class);
        long footprint = 256L << 20;
        cudaStream_t s = newStream();
        long bytes = 0;
        for (KernelKind k : KernelKind.values()) bytes = Math.max(bytes, KernelMapping.allocationBytes(k, footprint));
        Pointer buf = allocManaged(bytes);
        try {
            check(JCuda.cudaMemsetAsync(buf, 0, bytes, s), "cudaMemsetAsync");
            prefetch(buf, bytes, true, s);
            check(JCuda.cudaStreamSynchronize(s), "cudaStreamSynchronize");
            for (KernelKind k : KernelKind.values()) {
                double guess = switch (k) {
                    case MATMUL -> 0.05;
                    case TRIAD -> 2e-7;
                    case SPIN -> 1e-3;
                    case STENCIL -> 3e-7;
                };
                double target = Math.max(1, minMs / 8);
                double perUnit = Double.NaN;
                timedRun(KernelMapping.plan(k, footprint, target, guess), buf, s); // warm-up
                for (int attempt = 0; attempt < 6; attempt++) {
                    KernelPlan p = KernelMapping.plan(k, footprint, target, guess);
                    double ms = timedRun(p, buf, s);
                    perUnit = ms / p.units();
                    if (ms >= minMs) break;
                    guess = Math.max(perUnit, 1e-12);
                    target = minMs * 1.5;
                }
                rates.put(k, perUnit);
            }
        } finally {
            JCuda.cudaFree(buf);
            JCuda.cudaStreamDestroy(s);
        }
        return new KernelRates(rates);
    }

    /** Runs {@code p} on {@code s} to completion; its kernel time in ms (CUDA events). */
    double timedRun(KernelPlan p, Pointer buf, cudaStream_t s) {
        cudaEvent_t a = record(s);
        launch(p, buf, s, 0, p.kind() == KernelKind.STENCIL ? p.reps() : 1);
        cudaEvent_t b = record(s);
        try {
            check(JCuda.cudaEventSynchronize(b), "cudaEventSynchronize");
            return elapsedMs(a, b);
        } finally {
            JCuda.cudaEventDestroy(a);
            JCuda.cudaEventDestroy(b);
        }
    }

    @Override
    public void close() {
        JCudaDriver.cuModuleUnload(module);
    }
}
