package gpufaas.backend.cuda;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jcuda.Pointer;
import jcuda.runtime.JCuda;
import jcuda.runtime.cudaError;
import jcuda.runtime.cudaEvent_t;
import jcuda.runtime.cudaStream_t;

/**
 * The one thread that owns a GPU's CUDA context: it runs the backend's requests in order, keeps
 * the managed allocations, the streams (D per engine device, one copy stream for prefetches) and
 * the operations in flight, and polls their CUDA events (every {@value #POLL_US} µs while
 * something is in flight). Completions go to the callbacks given with each request; those run on
 * this thread and must only hand results on.
 */
final class GpuWorker implements AutoCloseable {
    static final long POLL_US = 200;
    /** stencil sweeps enqueued at a time (a deep launch queue would block this thread) */
    static final int STENCIL_CHUNK = 256;

    /** A completed operation: measured ms, or an error text. */
    record Done(double ms, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private final int ordinal;
    private final CudaDevice device;
    private final LinkedBlockingQueue<Runnable> requests = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean stopping;
    // --- confined to the worker thread
    private CudaKernels kernels;
    private Sizing sizing;
    private String initError;
    private cudaStream_t copyStream;
    private final Map<Integer, cudaStream_t[]> streams = new HashMap<>();
    private final Map<cudaStream_t, Integer> streamLoad = new HashMap<>();
    private final Map<Long, Pointer> allocations = new HashMap<>();
    private final Map<Long, Long> allocationBytes = new HashMap<>();
    private final List<Pointer> deferredFrees = new ArrayList<>();
    private long deferredBytes;
    private final List<InFlight> inFlight = new ArrayList<>();
    private int kernelsRunning;

    GpuWorker(CudaDevice device, double rateMinMs, Consumer<String> log) {
        this.ordinal = device.ordinal();
        this.device = device;
        this.thread = new Thread(() -> loop(rateMinMs, log), "cuda-gpu-" + ordinal);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void submit(Runnable r) {
        if (stopping) throw new IllegalStateException("the CUDA backend is closed");
        requests.add(r);
    }

    /** Rates measured at start (null until then, or when start-up failed). Worker thread only. */
    Sizing sizing() {
        return sizing;
    }

    private void loop(double rateMinMs, Consumer<String> log) {
        try {
            kernels = new CudaKernels(ordinal, device.multiprocessors(), device.concurrentManagedAccess());
            copyStream = CudaKernels.newStream();
            sizing = new Sizing(kernels.measureRates(rateMinMs));
            StringBuilder s = new StringBuilder("cuda:" + ordinal + " time per unit:");
            for (KernelKind k : KernelKind.values())
                s.append(' ')
                        .append(k.label())
                        .append(' ')
                        .append(String.format("%.4g", sizing.rates().of(k)))
                        .append(" ms/")
                        .append(k.unit);
            log.accept(s.toString());
        } catch (RuntimeException | LinkageError e) {
            initError = "CUDA start-up on device " + ordinal + " failed: " + CudaProbe.text(e);
            log.accept(initError);
        }
        while (true) {
            Runnable r;
            try {
                r = inFlight.isEmpty()
                        ? requests.poll(50, TimeUnit.MILLISECONDS)
                        : requests.poll(POLL_US, TimeUnit.MICROSECONDS);
            } catch (InterruptedException e) {
                break;
            }
            while (r != null) {
                runSafely(r);
                r = requests.poll();
            }
            poll();
            if (inFlight.isEmpty() && !deferredFrees.isEmpty()) flushFrees();
            if (stopping && requests.isEmpty() && inFlight.isEmpty()) break;
        }
        shutdown();
    }

    private static void runSafely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException | LinkageError e) {
            // a request reports its own failures; nothing may kill the worker
        }
    }

    /** The start-up error, or null. Worker thread only. */
    String initError() {
        return initError;
    }

    // ------------------------------------------------------------------ requests (worker thread)

    /** Allocates and initialises a container's managed memory on the device (memset there). */
    void createAllocation(long containerId, long bytes, Consumer<Done> done) {
        if (initError != null) {
            done.accept(new Done(0, initError));
            return;
        }
        try {
            long t0 = System.nanoTime();
            Pointer p = CudaKernels.allocManaged(bytes);
            double allocMs = (System.nanoTime() - t0) / 1e6;
            allocations.put(containerId, p);
            allocationBytes.put(containerId, bytes);
            cudaEvent_t a = CudaKernels.record(copyStream);
            kernels.prefetch(p, bytes, true, copyStream);
            CudaKernels.check(JCuda.cudaMemsetAsync(p, 0, bytes, copyStream), "cudaMemsetAsync");
            cudaEvent_t b = CudaKernels.record(copyStream);
            inFlight.add(new InFlight(
                    a, b, null, ms -> done.accept(new Done(allocMs + ms, null)), err -> done.accept(new Done(0, err))));
        } catch (RuntimeException e) {
            done.accept(new Done(0, CudaProbe.text(e)));
        }
    }

    /** Prefetches a container's memory to the device or the host on the copy stream. */
    void move(long containerId, boolean toDevice, Consumer<Done> done) {
        Pointer p = allocations.get(containerId);
        if (initError != null || p == null) {
            done.accept(new Done(0, initError != null ? initError : "no allocation for container " + containerId));
            return;
        }
        try {
            cudaEvent_t a = CudaKernels.record(copyStream);
            kernels.prefetch(p, allocationBytes.get(containerId), toDevice, copyStream);
            cudaEvent_t b = CudaKernels.record(copyStream);
            inFlight.add(new InFlight(
                    a, b, null, ms -> done.accept(new Done(ms, null)), err -> done.accept(new Done(0, err))));
        } catch (RuntimeException e) {
            done.accept(new Done(0, CudaProbe.text(e)));
        }
    }

    /**
     * Launches {@code plan} over the container's memory on the least-loaded of the engine device's D streams;
     * a run that had the GPU to itself corrects the function's sizing.
     */
    void execute(long containerId, String function, int engineDevice, int dMax, KernelPlan plan, Consumer<Done> done) {
        Pointer p = allocations.get(containerId);
        if (initError != null || p == null) {
            done.accept(new Done(0, initError != null ? initError : "no allocation for container " + containerId));
            return;
        }
        final cudaStream_t s;
        try {
            s = stream(engineDevice, dMax);
        } catch (RuntimeException e) {
            done.accept(new Done(0, CudaProbe.text(e)));
            return;
        }
        try {
            cudaEvent_t a = CudaKernels.record(s);
            int first = plan.kind() == KernelKind.STENCIL ? Math.min(plan.reps(), STENCIL_CHUNK) : 1;
            kernels.launch(plan, p, s, 0, first);
            cudaEvent_t b = CudaKernels.record(s);
            streamLoad.merge(s, 1, Integer::sum);
            for (InFlight f : inFlight)
                if (f.kernel != null) f.kernel.maxConcurrent = Math.max(f.kernel.maxConcurrent, kernelsRunning + 1);
            kernelsRunning++;
            KernelRun run = new KernelRun(plan, p, s, first, kernelsRunning);
            inFlight.add(new InFlight(
                    a,
                    b,
                    run,
                    ms -> {
                        kernelsRunning--;
                        streamLoad.merge(s, -1, Integer::sum);
                        // only a run that had the GPU to itself teaches the sizing (shared runs show the slowdown)
                        if (run.maxConcurrent == 1) sizing.observe(function, plan.predictedMs(), ms);
                        done.accept(new Done(ms, null));
                    },
                    err -> {
                        kernelsRunning--;
                        streamLoad.merge(s, -1, Integer::sum);
                        done.accept(new Done(0, err));
                    }));
        } catch (RuntimeException e) {
            done.accept(new Done(0, CudaProbe.text(e)));
        }
    }

    /** Frees a container's memory (deferred while work is in flight: cudaFree waits for the whole device). */
    void free(long containerId) {
        Pointer p = allocations.remove(containerId);
        Long bytes = allocationBytes.remove(containerId);
        if (p == null) return;
        deferredFrees.add(p);
        deferredBytes += bytes == null ? 0 : bytes;
        if (inFlight.isEmpty() || deferredBytes > device.totalMemoryBytes() / 4) flushFrees();
    }

    private void flushFrees() {
        for (Pointer p : deferredFrees) JCuda.cudaFree(p);
        deferredFrees.clear();
        deferredBytes = 0;
    }

    private cudaStream_t stream(int engineDevice, int dMax) {
        int d = Math.max(1, dMax);
        cudaStream_t[] set = streams.get(engineDevice);
        if (set == null || set.length < d) {
            cudaStream_t[] grown = new cudaStream_t[d];
            if (set != null) System.arraycopy(set, 0, grown, 0, set.length);
            for (int i = set == null ? 0 : set.length; i < d; i++) {
                grown[i] = CudaKernels.newStream();
                streamLoad.put(grown[i], 0);
            }
            set = grown;
            streams.put(engineDevice, set);
        }
        cudaStream_t best = set[0];
        for (int i = 0; i < d; i++) if (streamLoad.get(set[i]) < streamLoad.get(best)) best = set[i];
        return best;
    }

    // ------------------------------------------------------------------ completion polling

    /** A kernel run in flight: stencils are enqueued in chunks as earlier chunks finish. */
    private static final class KernelRun {
        final KernelPlan plan;
        final Pointer base;
        final cudaStream_t stream;
        int submitted;
        int maxConcurrent;
        final ArrayDeque<cudaEvent_t> markers = new ArrayDeque<>();

        KernelRun(KernelPlan plan, Pointer base, cudaStream_t stream, int submitted, int concurrent) {
            this.plan = plan;
            this.base = base;
            this.stream = stream;
            this.submitted = submitted;
            this.maxConcurrent = concurrent;
        }

        int total() {
            return plan.kind() == KernelKind.STENCIL ? plan.reps() : 1;
        }
    }

    private final class InFlight {
        final cudaEvent_t start;
        cudaEvent_t end;
        final KernelRun kernel;
        final Consumer<Double> ok;
        final Consumer<String> failed;

        InFlight(cudaEvent_t start, cudaEvent_t end, KernelRun kernel, Consumer<Double> ok, Consumer<String> failed) {
            this.start = start;
            this.end = end;
            this.kernel = kernel;
            this.ok = ok;
            this.failed = failed;
        }

        /** true when finished (reported). */
        boolean poll() {
            if (kernel != null) {
                // keep at most two chunks of a stencil queued: enqueue the next when the one before the last finished
                try {
                    while (kernel.submitted < kernel.total()
                            && (kernel.markers.isEmpty()
                                    || JCuda.cudaEventQuery(kernel.markers.peekFirst()) == cudaError.cudaSuccess)) {
                        if (!kernel.markers.isEmpty()) JCuda.cudaEventDestroy(kernel.markers.pollFirst());
                        int n = Math.min(STENCIL_CHUNK, kernel.total() - kernel.submitted);
                        kernels.launch(kernel.plan, kernel.base, kernel.stream, kernel.submitted, n);
                        kernel.submitted += n;
                        cudaEvent_t marker = CudaKernels.record(kernel.stream);
                        kernel.markers.addLast(end);
                        end = marker;
                    }
                } catch (RuntimeException e) {
                    destroy();
                    failed.accept(CudaProbe.text(e));
                    return true;
                }
                if (kernel.submitted < kernel.total()) return false;
            }
            int rc = JCuda.cudaEventQuery(end);
            if (rc == cudaError.cudaErrorNotReady) return false;
            try {
                if (rc != cudaError.cudaSuccess) {
                    failed.accept(CudaKernels.errorText(rc));
                } else {
                    ok.accept(CudaKernels.elapsedMs(start, end));
                }
            } catch (RuntimeException e) {
                failed.accept(CudaProbe.text(e));
            } finally {
                destroy();
            }
            return true;
        }

        void destroy() {
            JCuda.cudaEventDestroy(start);
            JCuda.cudaEventDestroy(end);
            if (kernel != null) while (!kernel.markers.isEmpty()) JCuda.cudaEventDestroy(kernel.markers.pollFirst());
        }
    }

    private void poll() {
        // a completion may add work (none does today); iterate over a snapshot
        for (Iterator<InFlight> it = new ArrayList<>(inFlight).iterator(); it.hasNext(); ) {
            InFlight f = it.next();
            boolean finished;
            try {
                finished = f.poll();
            } catch (RuntimeException | LinkageError e) {
                finished = true;
            }
            if (finished) inFlight.remove(f);
        }
    }

    private void shutdown() {
        try {
            if (kernels != null) {
                JCuda.cudaDeviceSynchronize();
                for (InFlight f : new ArrayList<>(inFlight)) f.poll();
                inFlight.clear();
                for (Pointer p : allocations.values()) JCuda.cudaFree(p);
                allocations.clear();
                flushFrees();
                for (cudaStream_t[] set : streams.values()) for (cudaStream_t s : set) JCuda.cudaStreamDestroy(s);
                if (copyStream != null) JCuda.cudaStreamDestroy(copyStream);
                kernels.close();
            }
        } catch (RuntimeException | LinkageError e) {
            // closing: nothing left to report to
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
