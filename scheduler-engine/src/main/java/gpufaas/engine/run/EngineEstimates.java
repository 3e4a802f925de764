package gpufaas.engine.run;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.placement.Estimates;
import gpufaas.engine.placement.Target;
import gpufaas.engine.policy.WorkerModel;

import java.util.List;

/**
 * The engine's estimates for placement, admission and SLO-aware policies (reference model of
 * slo-and-kaas-policies §1): service = the EWMA of observed execution times on GPUs (the warm time
 * scaled by the device's speed until the first sample) or the CPU warm time; start cost = 0 with
 * an idle container whose data is resident, a prefetch when it is on the host, a container start
 * (or a kernel load and data upload in shared KaaS workers) otherwise; free_at = now when a token
 * is free and nothing waits, else now + backlog ÷ tokens.
 */
final class EngineEstimates implements Estimates {
    private final Engine engine;
    private final double coldFloorMs;
    private final double kernelLoadMs;
    private final double cpuPrice;

    EngineEstimates(Engine engine, EngineConfig cfg) {
        this.engine = engine;
        this.coldFloorMs = cfg.engineParams().getDouble("cold_floor_ms");
        this.kernelLoadMs = cfg.engineParams().getDouble("kernel_load_ms");
        this.cpuPrice = cpuPriceOf(cfg);
    }

    @Override
    public long nowUs() { return engine.timeUs(); }

    @Override
    public boolean has(Target kind) { return side(kind) != null; }

    private Side side(Target kind) {
        return switch (kind) {
            case GPU -> engine.gpuSide();
            case CPU -> engine.cpuSide();
            case REJECT -> null;
        };
    }

    @Override
    public double serviceMs(int fn, Target kind) {
        Side s = side(kind);
        if (s == null) return Double.POSITIVE_INFINITY;
        FunctionSpec f = engine.functions().get(fn);
        if (kind == Target.CPU) return f.hasCpu() ? f.cpuWarmMs() : Double.POSITIVE_INFINITY;
        return engine.serviceEstimateMs(fn);
    }

    /** Start cost (ms) of {@code fn} on the side's best device right now. */
    double startCostMs(int fn, Side s) {
        FunctionSpec f = engine.functions().get(fn);
        boolean onHost = false;
        List<Device> ds = s.devices;
        List<Device> holders = engine.holdersOf(fn);
        for (int i = 0, n = holders.size(); i < n; i++) {
            Device d = holders.get(i);
            if (d.kind != ds.get(0).kind) continue;
            Container c = d.idleContainerOf(fn);
            if (c == null) continue;
            if (c.location() == MemoryLocation.DEVICE || !s.gpu) return 0;
            onHost = true;
        }
        if (!s.gpu) return Math.max(0, f.cpuColdOrWarmMs() - f.cpuWarmMs());
        double upload = f.gpuMemMb() / ds.get(0).profile.linkGBps();
        if (onHost) return upload;
        if (s.policy.workerModel() == WorkerModel.SHARED_WORKERS) return kernelLoadMs + upload;
        return Math.max(f.gpuColdMs() - f.gpuWarmMs(), coldFloorMs);
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
        Side s = engine.gpuSide();
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
        return s == null ? 0 : s.queuedWorkMs;
    }

    /** The server's CPU core-second price: from the GPU profile, or the default without GPUs. */
    static double cpuPriceOf(EngineConfig cfg) {
        var p = cfg.hardware().profile();
        return p == null ? gpufaas.engine.device.DeviceProfile.DEFAULT_CPU_PRICE_PER_SECOND : p.cpuPricePerSecond();
    }
}
