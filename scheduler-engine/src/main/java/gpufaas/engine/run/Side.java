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

    Side(Engine engine, Policy policy, List<Device> devices, boolean gpu) {
        this.engine = engine;
        this.policy = policy;
        this.devices = List.copyOf(devices);
        this.gpu = gpu;
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
}
