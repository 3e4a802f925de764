package gpufaas.engine.policy;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.FunctionSpec;

import java.util.ArrayList;
import java.util.List;

/** A policy context for unit tests: settable time, fixed estimates, recorded state changes and wakes. */
public final class FakeContext implements PolicyContext {
    public long now;
    public int dMax = 2;
    public final List<FunctionSpec> fns;
    public final List<String> changes = new ArrayList<>();
    public final List<Long> wakes = new ArrayList<>();
    public double iatUs = Double.NaN;

    public FakeContext(List<FunctionSpec> fns) { this.fns = fns; }

    @Override public long nowUs() { return now; }
    @Override public List<FunctionSpec> functions() { return fns; }
    @Override public void wakeAt(long atUs) { wakes.add(atUs); }
    @Override public void flowStateChanged(int fn, FlowState from, FlowState to) { changes.add(fns.get(fn).name() + ":" + to); }
    @Override public int dMax() { return dMax; }
    @Override public double serviceEstimateMs(int fn) { return fns.get(fn).gpuWarmMs(); }
    @Override public double startEstimateMs(int fn) { return fns.get(fn).gpuWarmMs(); }
    @Override public boolean hasWarmContainer(int fn, Device device) { return false; }
    @Override public double meanIatUs(int fn) { return iatUs; }
    @Override public java.util.List<gpufaas.engine.device.Device> devices() { return java.util.List.of(); }
    @Override public long finishIfStartedNowUs(gpufaas.engine.model.Invocation inv) { return 0; }
    @Override public double pricePerSecond() { return 0; }
}
