package gpufaas.engine.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.policy.FlowState;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.policy.PolicyContext;

import java.util.List;

/** One policy instance with the devices it serves (the GPUs, or the CPU pool) and its context. */
final class Side implements PolicyContext {
    final Engine engine;
    final Policy policy;
    final List<Device> devices;
    final boolean gpu;
    private long wakePendingAt = Long.MAX_VALUE;
    /** estimated service (ms) of the invocations waiting in this side's queues */
    double queuedWorkMs;
    /** Σ (dispatch time + planned service) in ms over the invocations running here, and their count */
    double runningEndMs;
    int running;
    final int tokens;

    Side(Engine engine, Policy policy, List<Device> devices, boolean gpu) {
        this.engine = engine;
        this.policy = policy;
        this.devices = List.copyOf(devices);
        this.gpu = gpu;
        int t = 0;
        for (Device d : this.devices) t += d.dMax();
        this.tokens = t;
        policy.attach(this);
    }

    @Override
    public long nowUs() { return engine.nowUs(); }

    @Override
    public List<FunctionSpec> functions() { return engine.functions(); }

    @Override
    public void wakeAt(long atUs) {
        long now = engine.nowUs();
        if (wakePendingAt > now && wakePendingAt <= atUs) return; // an earlier wake will re-arm
        wakePendingAt = atUs;
        engine.time().schedule(atUs, t -> {
            if (wakePendingAt == t) wakePendingAt = Long.MAX_VALUE;
            policy.onWake(t);
            engine.dispatch(this);
        });
    }

    @Override
    public void flowStateChanged(int fn, FlowState from, FlowState to) {
        engine.flowStateChanged(this, fn, from, to);
    }

    @Override
    public int dMax() { return devices.get(0).dMax(); }

    @Override
    public double serviceEstimateMs(int fn) { return engine.serviceEstimateMs(fn); }

    @Override
    public double startEstimateMs(int fn) { return engine.startEstimateMs(this, fn); }

    @Override
    public boolean hasWarmContainer(int fn, Device device) {
        var c = device.idleContainerOf(fn);
        return c != null && c.location() == gpufaas.engine.device.MemoryLocation.DEVICE;
    }

    @Override
    public double meanIatUs(int fn) { return engine.meanIatUs(fn); }

    @Override
    public List<Device> devices() { return devices; }

    @Override
    public long finishIfStartedNowUs(gpufaas.engine.model.Invocation inv) {
        return engine.estimates().finishIfStartedNowUs(inv, gpu ? gpufaas.engine.placement.Target.GPU : gpufaas.engine.placement.Target.CPU);
    }

    @Override
    public double pricePerSecond() {
        return engine.estimates().pricePerSecond(gpu ? gpufaas.engine.placement.Target.GPU : gpufaas.engine.placement.Target.CPU);
    }

    /** Queue and running work (ms) not yet done, at {@code nowMs}. */
    double backlogMs(double nowMs) {
        return queuedWorkMs + Math.max(0, runningEndMs - running * nowMs);
    }

    boolean hasFreeToken() {
        for (int i = 0, n = devices.size(); i < n; i++) if (devices.get(i).hasToken()) return true;
        return false;
    }
}
