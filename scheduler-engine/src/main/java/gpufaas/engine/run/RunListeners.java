package gpufaas.engine.run;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.FlowState;

/**
 * What the engine tells its listeners, in order: the run's metrics, its time series, then the
 * caller's listener (a result writer, the window's tap, or none). The metrics and the time series
 * hear only arrivals and ends, through direct calls the compiler can inline; only the caller's
 * listener is called through the interface, and it hears everything.
 */
final class RunListeners implements EngineListener {
    private static final EngineListener NONE = new EngineListener() {};
    private final RunMetrics metrics;
    private final TimeSeries series;
    private final EngineListener extra;

    RunListeners(RunMetrics metrics, TimeSeries series, EngineListener extra) {
        this.metrics = metrics;
        this.series = series;
        this.extra = extra == null ? NONE : extra;
    }

    @Override
    public void arrived(Invocation inv) {
        metrics.arrived(inv);
        series.arrived(inv);
        extra.arrived(inv);
    }

    @Override
    public void dispatched(Invocation inv, Device d) {
        extra.dispatched(inv, d);
    }

    @Override
    public void started(Invocation inv, Device d) {
        extra.started(inv, d);
    }

    @Override
    public void finished(Invocation inv) {
        metrics.finished(inv);
        series.finished(inv);
        extra.finished(inv);
    }

    @Override
    public void flowStateChanged(int fn, FlowState from, FlowState to, long nowUs) {
        extra.flowStateChanged(fn, from, to, nowUs);
    }

    @Override
    public void containerCreated(Container c) {
        extra.containerCreated(c);
    }

    @Override
    public void containerRemoved(Container c, boolean evicted) {
        extra.containerRemoved(c, evicted);
    }

    @Override
    public void memoryMoved(Container c, MemoryLocation from, MemoryLocation to) {
        extra.memoryMoved(c, from, to);
    }
}
