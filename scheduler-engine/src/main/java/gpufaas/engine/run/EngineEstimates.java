package gpufaas.engine.run;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.ExecutionModel;
import gpufaas.engine.device.Holders;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.StartType;
import gpufaas.engine.placement.Estimates;
import gpufaas.engine.placement.Target;
import gpufaas.engine.policy.Characteristic;
import java.util.List;

/**
 * The engine's estimates for placement, admission and SLO-aware policies (reference model of
 * slo-and-kaas-policies §1): service = the EWMA of observed execution times on GPUs (weight
 * {@code ewma}; the execution model's time on the device until the first sample) or the CPU warm time; start cost from the
 * execution model by container state (see {@link #startCostMs}); free_at = now when a token is free
 * and nothing waits, else now + backlog ÷ tokens.
 */
final class EngineEstimates implements Estimates {
    private final Engine engine;
    private final ExecutionModel model;
    private final double cpuPrice;
    private final double ewma;
    /** per function: the EWMA of its execution times on GPUs (ms), and whether a sample has come */
    private final double[] tauMs;

    private final boolean[] tauKnown;

    EngineEstimates(Engine engine, EngineConfig cfg, ExecutionModel model, List<Device> gpus) {
        this.engine = engine;
        this.model = model;
        this.cpuPrice = cpuPriceOf(cfg);
        this.ewma = cfg.ewma();
        List<FunctionSpec> fns = engine.functions();
        tauMs = new double[fns.size()];
        tauKnown = new boolean[fns.size()];
        for (FunctionSpec f : fns) tauMs[f.id()] = gpus.isEmpty() ? f.gpuWarmMs() : model.serviceMs(gpus.get(0), f);
    }

    /** An execution of {@code fn} on a GPU took {@code execMs}: the first sample replaces the model's time, later ones move the EWMA. */
    void observe(int fn, double execMs) {
        if (!tauKnown[fn]) {
            tauMs[fn] = execMs;
            tauKnown[fn] = true;
        } else {
            tauMs[fn] = (1 - ewma) * tauMs[fn] + ewma * execMs;
        }
    }

    /** The estimated execution time (ms) of {@code fn} on a GPU. */
    double serviceEstimateMs(int fn) {
        return tauMs[fn];
    }

    @Override
    public long nowUs() {
        return engine.timeUs();
    }

    @Override
    public boolean has(Target kind) {
        return side(kind) != null;
    }

    private Side side(Target kind) {
        return engine.sides().of(kind);
    }

    @Override
    public double serviceMs(int fn, Target kind) {
        Side s = side(kind);
        if (s == null) return Double.POSITIVE_INFINITY;
        FunctionSpec f = engine.functions().get(fn);
        if (kind == Target.CPU) return f.hasCpu() ? f.cpuWarmMs() : Double.POSITIVE_INFINITY;
        return tauMs[fn];
    }

    /**
     * Start cost (ms) of {@code fn} on the side's best device right now, from the execution model:
     * nothing with an idle container whose memory is on the device, its memory's move (a prefetch, or
     * demand paging) when that is on the host, else a container start (a kernel load and data upload
     * in a shared KaaS worker).
     */
    double startCostMs(int fn, Side s) {
        FunctionSpec f = engine.functions().get(fn);
        Holders holders = engine.holders(fn);
        Device onHost = null;
        for (int i = 0, n = holders.size(); i < n; i++) {
            Device d = holders.device(i);
            if (d.kind != s.devices.get(0).kind) continue;
            Container c = Device.bestIdle(holders.containers(i));
            if (c == null) continue;
            if (!s.gpu) return model.startCostMs(d, f, StartType.CPU, false, false);
            if (c.location() == MemoryLocation.DEVICE) return 0;
            if (onHost == null) onHost = d;
        }
        if (onHost != null) return model.startCostMs(onHost, f, StartType.GPU_COLD, false, false);
        Device d = s.devices.get(0);
        if (!s.gpu) return model.startCostMs(d, f, StartType.CPU, false, true);
        boolean shared = s.has(Characteristic.SHARED_WORKERS);
        return model.startCostMs(d, f, shared ? StartType.GPU_COLD : StartType.COLD, shared, true);
    }

    /** Estimated duration (ms) of {@code fn} if it were dispatched now on {@code s}: start cost and service. */
    double durationIfStartedNowMs(int fn, Side s) {
        return startCostMs(fn, s) + serviceMs(fn, s.kind());
    }

    @Override
    public long finishUs(Invocation inv, Target kind) {
        Side s = side(kind);
        if (s == null) return Long.MAX_VALUE;
        double service = serviceMs(inv.fn(), kind);
        if (Double.isInfinite(service)) return Long.MAX_VALUE;
        double nowMs = engine.timeUs() / 1000.0;
        double freeAtMs = s.policy.queued() == 0 && s.hasFreeToken() ? nowMs : nowMs + s.backlogMs(nowMs) / s.tokens;
        return Math.round((freeAtMs + startCostMs(inv.fn(), s) + service) * 1000);
    }

    @Override
    public long finishIfStartedNowUs(Invocation inv, Target kind) {
        Side s = side(kind);
        if (s == null) return Long.MAX_VALUE;
        double service = serviceMs(inv.fn(), kind);
        if (Double.isInfinite(service)) return Long.MAX_VALUE;
        return engine.timeUs() + Math.round((startCostMs(inv.fn(), s) + service) * 1000);
    }

    @Override
    public double pricePerSecond(Target kind) {
        if (kind == Target.CPU) return cpuPrice;
        Side s = side(kind);
        if (s == null) return Double.POSITIVE_INFINITY;
        Device d = s.devices.get(0);
        return d.profile.pricePerSecond() * d.computeShare;
    }

    @Override
    public double gpuOccupancy() {
        Side s = engine.sides().of(Target.GPU);
        if (s == null) return 0;
        int held = 0;
        for (Device d : s.devices) held += d.inFlight();
        return (double) held / s.tokens;
    }

    @Override
    public int queued(Target kind) {
        Side s = side(kind);
        return s == null ? 0 : s.policy.queued();
    }

    @Override
    public double queuedWorkMs(Target kind) {
        Side s = side(kind);
        return s == null ? 0 : s.queuedWorkMs();
    }

    /** The server's CPU core-second price: from the GPU profile, or the default without GPUs. */
    static double cpuPriceOf(EngineConfig cfg) {
        var p = cfg.hardware().profile();
        return p == null ? DeviceProfile.DEFAULT_CPU_PRICE_PER_SECOND : p.cpuPricePerSecond();
    }
}
