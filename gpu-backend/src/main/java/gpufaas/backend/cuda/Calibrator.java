package gpufaas.backend.cuda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUmodule;
import jcuda.driver.JCudaDriver;
import jcuda.runtime.JCuda;
import jcuda.runtime.cudaEvent_t;
import jcuda.runtime.cudaStream_t;

/**
 * Measures one card for a device profile, on the calling thread, without changing any of the
 * card's settings: each kernel's time per unit; managed-memory prefetch bandwidth to the device
 * and to the host (median of {@value #MOVE_ROUNDS} rounds over a buffer of min(1 GiB, memory ÷ 8));
 * the device memory one more CUDA context with the kernels loaded takes; and, for k = 1..
 * {@value #MAX_K}, how much slower each kernel runs when k copies of it run at once on k streams
 * (mean of the k kernels' event-timed lengths ÷ the lone length, best of two rounds).
 */
public final class Calibrator {
    public static final int MAX_K = 6;
    static final int MOVE_ROUNDS = 3;

    /**
     * How long the calibration's kernels run.
     *
     * @param kernelMs  length each kernel is sized to in the concurrency runs
     * @param rateMinMs least length of a rate run
     */
    public record Options(double kernelMs, double rateMinMs) {
        public static final Options DEFAULT = new Options(100, 50);
    }

    private Calibrator() {}

    /**
     * Calibrates {@code device} (one the probe found: call only when {@link CudaProbe#probe()} is available).
     *
     * @throws CudaException when a CUDA call fails
     */
    public static Calibration run(CudaDevice device, int driverVersion, Options opt, Consumer<String> progress) {
        CudaKernels k = new CudaKernels(device.ordinal(), device.multiprocessors(), device.concurrentManagedAccess());
        try {
            progress.accept("measuring kernel time per unit ...");
            KernelRates rates = k.measureRates(opt.rateMinMs());
            progress.accept("measuring managed-memory prefetch bandwidth ...");
            long bytes = Math.min(1L << 30, Math.max(64L << 20, device.totalMemoryBytes() / 8));
            double[] bw = prefetchBandwidth(k, bytes);
            progress.accept("measuring the memory of one more CUDA context ...");
            double ctx = contextMemMb(device.ordinal());
            Map<KernelKind, double[]> curves = new EnumMap<>(KernelKind.class);
            for (KernelKind kind : KernelKind.values()) {
                progress.accept("measuring concurrency slowdown of " + kind.label() + " for k = 1.." + MAX_K + " ...");
                curves.put(kind, slowdown(k, kind, rates, opt.kernelMs()));
            }
            return new Calibration(
                    device,
                    driverVersion,
                    rates,
                    bw[0],
                    bw[1],
                    bytes,
                    ctx,
                    curves,
                    Calibration.combine(curves),
                    opt.kernelMs());
        } finally {
            k.close();
        }
    }

    /** {H2D, D2H} in GB/s. */
    static double[] prefetchBandwidth(CudaKernels k, long bytes) {
        if (!k.prefetchable)
            throw new CudaException(
                    "device " + k.ordinal + " has no concurrent managed access: prefetches cannot be measured");
        cudaStream_t s = CudaKernels.newStream();
        Pointer p = CudaKernels.allocManaged(bytes);
        try {
            CudaKernels.check(JCuda.cudaMemsetAsync(p, 1, bytes, s), "cudaMemsetAsync");
            CudaKernels.check(JCuda.cudaStreamSynchronize(s), "cudaStreamSynchronize");
            double[] h2d = new double[MOVE_ROUNDS];
            double[] d2h = new double[MOVE_ROUNDS];
            for (int r = 0; r < MOVE_ROUNDS; r++) {
                d2h[r] = bytes / (timedPrefetch(k, p, bytes, false, s) * 1e6);
                h2d[r] = bytes / (timedPrefetch(k, p, bytes, true, s) * 1e6);
            }
            return new double[] {median(h2d), median(d2h)};
        } finally {
            JCuda.cudaFree(p);
            JCuda.cudaStreamDestroy(s);
        }
    }

    private static double timedPrefetch(CudaKernels k, Pointer p, long bytes, boolean toDevice, cudaStream_t s) {
        cudaEvent_t a = CudaKernels.record(s);
        k.prefetch(p, bytes, toDevice, s);
        cudaEvent_t b = CudaKernels.record(s);
        try {
            CudaKernels.check(JCuda.cudaEventSynchronize(b), "cudaEventSynchronize");
            return Math.max(CudaKernels.elapsedMs(a, b), 1e-3);
        } finally {
            JCuda.cudaEventDestroy(a);
            JCuda.cudaEventDestroy(b);
        }
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** MiB of device memory one more context (with the kernels loaded) takes; NaN if it cannot be measured. */
    static double contextMemMb(int ordinal) {
        try {
            long[] free0 = {0};
            long[] total = {0};
            CudaKernels.checkDriver(JCudaDriver.cuMemGetInfo(free0, total), "cuMemGetInfo");
            CUdevice dev = new CUdevice();
            CudaKernels.checkDriver(JCudaDriver.cuDeviceGet(dev, ordinal), "cuDeviceGet");
            CUcontext ctx = new CUcontext();
            CudaKernels.checkDriver(JCudaDriver.cuCtxCreate(ctx, 0, dev), "cuCtxCreate");
            try {
                CUmodule m = new CUmodule();
                CudaKernels.checkDriver(JCudaDriver.cuModuleLoadData(m, Ptx.image()), "cuModuleLoadData");
                long[] free1 = {0};
                CudaKernels.checkDriver(JCudaDriver.cuMemGetInfo(free1, total), "cuMemGetInfo");
                JCudaDriver.cuModuleUnload(m);
                double mb = (free0[0] - free1[0]) / (1024.0 * 1024.0);
                return mb > 0 ? mb : Double.NaN;
            } finally {
                JCudaDriver.cuCtxDestroy(ctx);
                JCuda.cudaSetDevice(ordinal);
            }
        } catch (RuntimeException | LinkageError e) {
            return Double.NaN;
        }
    }

    /** Slowdown of {@code kind} with k = 1..MAX_K copies on k streams. */
    static double[] slowdown(CudaKernels k, KernelKind kind, KernelRates rates, double kernelMs) {
        long footprint = 128L << 20;
        KernelPlan plan = KernelMapping.plan(kind, footprint, kernelMs, rates.of(kind));
        List<cudaStream_t> streams = new ArrayList<>();
        List<Pointer> bufs = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_K; i++) {
                streams.add(CudaKernels.newStream());
                Pointer p = CudaKernels.allocManaged(plan.allocationBytes());
                bufs.add(p);
                CudaKernels.check(
                        JCuda.cudaMemsetAsync(p, 0, plan.allocationBytes(), streams.get(i)), "cudaMemsetAsync");
                k.prefetch(p, plan.allocationBytes(), true, streams.get(i));
            }
            CudaKernels.check(JCuda.cudaDeviceSynchronize(), "cudaDeviceSynchronize");
            concurrentMeanMs(k, plan, streams, bufs, 1); // warm-up
            double[] curve = new double[MAX_K];
            double alone = Double.NaN;
            for (int n = 1; n <= MAX_K; n++) {
                double ms = Math.min(
                        concurrentMeanMs(k, plan, streams, bufs, n), concurrentMeanMs(k, plan, streams, bufs, n));
                if (n == 1) alone = ms;
                curve[n - 1] = ms / alone;
            }
            return curve;
        } finally {
            for (Pointer p : bufs) JCuda.cudaFree(p);
            for (cudaStream_t s : streams) JCuda.cudaStreamDestroy(s);
        }
    }

    /** Launches {@code n} copies at once on n streams; the mean of their event-timed lengths (ms). */
    private static double concurrentMeanMs(
            CudaKernels k, KernelPlan plan, List<cudaStream_t> streams, List<Pointer> bufs, int n) {
        cudaEvent_t[] a = new cudaEvent_t[n];
        cudaEvent_t[] b = new cudaEvent_t[n];
        // interleave: every start event first, then the launches, so the copies begin together
        for (int i = 0; i < n; i++) a[i] = CudaKernels.record(streams.get(i));
        int sweeps = plan.kind() == KernelKind.STENCIL ? plan.reps() : 1;
        if (plan.kind() == KernelKind.STENCIL) {
            for (int from = 0; from < sweeps; from += GpuWorker.STENCIL_CHUNK) {
                int c = Math.min(GpuWorker.STENCIL_CHUNK, sweeps - from);
                for (int i = 0; i < n; i++) k.launch(plan, bufs.get(i), streams.get(i), from, c);
            }
        } else {
            for (int i = 0; i < n; i++) k.launch(plan, bufs.get(i), streams.get(i), 0, 1);
        }
        for (int i = 0; i < n; i++) b[i] = CudaKernels.record(streams.get(i));
        double sum = 0;
        try {
            for (int i = 0; i < n; i++) {
                CudaKernels.check(JCuda.cudaEventSynchronize(b[i]), "cudaEventSynchronize");
                sum += CudaKernels.elapsedMs(a[i], b[i]);
            }
        } finally {
            for (int i = 0; i < n; i++) {
                JCuda.cudaEventDestroy(a[i]);
                JCuda.cudaEventDestroy(b[i]);
            }
        }
        return sum / n;
    }
}
