package gpufaas.backend.cuda;

import gpufaas.engine.backend.BackendCallbacks;
import gpufaas.engine.backend.ExecutionBackend;
import gpufaas.engine.device.Container;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.time.WallClockTimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the engine's decisions on real GPUs through JCuda (live runs, wall clock only).
 * <ul>
 *   <li>One {@code GpuWorker} thread per CUDA device owns its context; the engine device's
 *       {@code physicalGpu} is the CUDA ordinal. At start each worker measures every kernel's time
 *       per unit ({@link KernelRates}).</li>
 *   <li>createContainer: cudaMallocManaged of the function's footprint (at least the kernel's
 *       working set), prefetched to the device and zeroed there; measured (host time of the
 *       allocation + CUDA events around the rest); then containerReady.</li>
 *   <li>execute: the function's kernel ({@link KernelMapping}) sized to its warm time, launched on
 *       the least-loaded of D_max streams of its engine device, timed with CUDA events; then
 *       executed, or failed with the CUDA error text.</li>
 *   <li>moveMemory: cudaMemPrefetchAsync of the whole allocation to the device or to the host
 *       (cudaCpuDeviceId) on the GPU's one copy stream, so moves on a GPU run one after another;
 *       then memoryMoved (also when the prefetch failed: managed memory still migrates on demand;
 *       the error goes to the {@link TimingListener}).</li>
 *   <li>destroyContainer: cudaFree (deferred while kernels run: cudaFree waits for the device).</li>
 * </ul>
 * Reports reach the engine on its thread through {@link WallClockTimeSource#post}. A CPU device of
 * the engine is not served here: invocations placed on it fail with a clear reason.
 */
public final class CudaBackend implements ExecutionBackend {

    /** Receives every measurement on the engine's thread, before the engine's callback. */
    @FunctionalInterface
    public interface TimingListener {
        void measured(CudaTiming t);
    }

    /**
     * What the backend runs on and reports to.
     *
     * @param devices  the CUDA devices to use, in engine order: engine GPU i runs on {@code devices.get(i)}
     * @param rateMinMs how long each rate-measuring kernel runs at least at start (ms)
     * @param listener receives measurements (may be null)
     * @param log      start-up lines (time per unit of each kernel, errors); may be null
     */
    public record Config(List<CudaDevice> devices, double rateMinMs, TimingListener listener, Consumer<String> log) {
        public Config {
            devices = List.copyOf(devices);
            if (devices.isEmpty()) throw new IllegalArgumentException("no CUDA device");
            if (!(rateMinMs > 0)) throw new IllegalArgumentException("rateMinMs must be > 0");
        }

        /** Every device the probe found, 20 ms rate runs, no listener, no log. */
        public static Config allDevices(CudaProbeResult probe) {
            return new Config(probe.devices(), 20, null, null);
        }

        public Config withListener(TimingListener l) {
            return new Config(devices, rateMinMs, l, log);
        }

        public Config withLog(Consumer<String> l) {
            return new Config(devices, rateMinMs, listener, l);
        }
    }

    private final Config config;
    private final List<GpuWorker> workers = new ArrayList<>();
    private BackendCallbacks cb;
    private WallClockTimeSource clock;
    private volatile boolean closed;

    private CudaBackend(Config config) {
        this.config = config;
        Consumer<String> log = config.log() == null ? s -> {} : config.log();
        for (CudaDevice d : config.devices()) workers.add(new GpuWorker(d, config.rateMinMs(), log));
    }

    /**
     * A backend on {@code config}'s devices (from {@link #availableConfig()} or a probe result).
     * Starts one worker thread per device at once; each measures its kernels' rates before it
     * serves requests (queued requests wait for that, about a second).
     */
    public static CudaBackend create(Config config) {
        Objects.requireNonNull(config, "config");
        return new CudaBackend(config);
    }

    /**
     * A backend on every device of this host.
     *
     * @throws CudaUnavailableException with the probe's one-line reason when CUDA cannot be used here
     */
    public static CudaBackend create() {
        return create(availableConfig());
    }

    /** The default configuration for this host, or {@link CudaUnavailableException} with the probe's reason. */
    public static Config availableConfig() {
        CudaProbeResult p = CudaProbe.probe();
        if (!p.available()) throw new CudaUnavailableException(p.reason());
        return Config.allDevices(p);
    }

    /** Why the CUDA backend cannot run here, or empty when it can. Never throws. */
    public static String unavailableReason() {
        CudaProbeResult p = CudaProbe.probe();
        return p.available() ? "" : p.reason();
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public void attach(BackendCallbacks callbacks) {
        if (!(callbacks.time() instanceof WallClockTimeSource w)) {
            throw new IllegalStateException("the CUDA backend runs on the wall clock only (live runs); got "
                    + callbacks.time().getClass().getSimpleName());
        }
        this.cb = callbacks;
        this.clock = w;
    }

    private GpuWorker worker(Container c) {
        if (c.device.kind != DeviceKind.GPU) return null;
        int g = c.device.physicalGpu;
        return g >= 0 && g < workers.size() ? workers.get(g) : null;
    }

    private String noWorker(Container c) {
        return c.device.kind != DeviceKind.GPU
                ? "the CUDA backend runs GPU devices only (" + c.device.name + " is " + c.device.kind + ")"
                : "engine GPU " + c.device.physicalGpu + " has no CUDA device (this backend uses " + workers.size()
                        + ")";
    }

    private void post(Runnable engineSide) {
        clock.post(now -> engineSide.run());
    }

    private void timing(CudaTiming t) {
        TimingListener l = config.listener();
        if (l != null) l.measured(t);
    }

    private int ordinal(Container c) {
        return config.devices().get(c.device.physicalGpu).ordinal();
    }

    @Override
    public void createContainer(Container c, Invocation inv) {
        GpuWorker w = worker(c);
        if (w == null) {
            String why = noWorker(c);
            post(() -> cb.failed(inv, c, why));
            return;
        }
        KernelKind kind = KernelMapping.kindFor(c.function.name());
        long bytes = KernelMapping.allocationBytes(kind, KernelMapping.footprintBytes(c.function));
        int gpu = ordinal(c);
        w.submit(() -> w.createAllocation(
                c.id,
                bytes,
                done -> post(() -> {
                    timing(new CudaTiming(
                            CudaTiming.Kind.CONTAINER_INIT,
                            inv.id,
                            c.id,
                            c.function.name(),
                            gpu,
                            done.ms(),
                            bytes,
                            kind,
                            0,
                            Double.NaN,
                            done.ok() ? "" : done.error()));
                    if (!done.ok()) {
                        cb.failed(inv, c, "CUDA: container init failed: " + done.error());
                    } else if (!c.destroyed()) {
                        cb.containerReady(c, inv);
                    }
                })));
    }

    @Override
    public void execute(Invocation inv, Container c) {
        GpuWorker w = worker(c);
        if (w == null) {
            String why = noWorker(c);
            post(() -> cb.failed(inv, c, why));
            return;
        }
        int dMax = c.device.dMax();
        int engineDevice = c.device.index;
        int gpu = ordinal(c);
        w.submit(() -> {
            Sizing sizing = w.sizing();
            if (sizing == null) {
                String err = w.initError() == null ? "CUDA start-up failed" : w.initError();
                post(() -> cb.failed(inv, c, "CUDA: " + err));
                return;
            }
            KernelPlan plan = sizing.plan(c.function);
            w.execute(
                    c.id,
                    c.function.name(),
                    engineDevice,
                    dMax,
                    plan,
                    done -> post(() -> {
                        timing(new CudaTiming(
                                CudaTiming.Kind.EXECUTION,
                                inv.id,
                                c.id,
                                c.function.name(),
                                gpu,
                                done.ms(),
                                0,
                                plan.kind(),
                                plan.units(),
                                plan.predictedMs(),
                                done.ok() ? "" : done.error()));
                        if (done.ok()) cb.executed(inv, c);
                        else cb.failed(inv, c, "CUDA: " + plan.kind().entry + " failed: " + done.error());
                    }));
        });
    }

    @Override
    public void moveMemory(Container c, boolean toDevice) {
        GpuWorker w = worker(c);
        if (w == null) {
            post(() -> cb.memoryMoved(c, toDevice));
            return;
        }
        long bytes = KernelMapping.allocationBytes(
                KernelMapping.kindFor(c.function.name()), KernelMapping.footprintBytes(c.function));
        int gpu = ordinal(c);
        KernelKind kind = KernelMapping.kindFor(c.function.name());
        w.submit(() -> w.move(
                c.id,
                toDevice,
                done -> post(() -> {
                    timing(new CudaTiming(
                            toDevice ? CudaTiming.Kind.PREFETCH_TO_DEVICE : CudaTiming.Kind.SWAP_TO_HOST,
                            -1,
                            c.id,
                            c.function.name(),
                            gpu,
                            done.ms(),
                            bytes,
                            kind,
                            0,
                            Double.NaN,
                            done.ok() ? "" : done.error()));
                    cb.memoryMoved(c, toDevice);
                })));
    }

    @Override
    public void destroyContainer(Container c) {
        GpuWorker w = worker(c);
        if (w == null || closed) return;
        w.submit(() -> w.free(c.id));
    }

    /** Stops the workers after the work in flight, frees every allocation, destroys streams and unloads the module. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        for (GpuWorker w : workers) w.close();
    }
}
