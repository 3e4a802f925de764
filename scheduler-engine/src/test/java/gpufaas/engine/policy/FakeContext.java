package gpufaas.engine.policy;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A policy context for unit tests: settable time, fixed estimates, recorded state changes, timer
 * requests, summary fields and objectives; {@link #fire} runs the timers' actions as the engine would.
 */
public final class FakeContext implements PolicyContext {
    public long now;
    public int dMax = 2;
    public double price;
    public final List<FunctionSpec> fns;
    public final List<String> changes = new ArrayList<>();
    public final List<Long> wakes = new ArrayList<>();
    public final List<Predicate<Invocation>> objectives = new ArrayList<>();
    public final Map<String, LongSupplier> metrics = new LinkedHashMap<>();
    private final List<LongConsumer> timers = new ArrayList<>();
    public double iatUs = Double.NaN;

    public FakeContext(List<FunctionSpec> fns) {
        this.fns = fns;
    }

    /** Runs every timer's action at {@code atUs} (the engine would run only those due). */
    public void fire(long atUs) {
        now = atUs;
        for (LongConsumer t : timers) t.accept(atUs);
    }

    @Override
    public long nowUs() {
        return now;
    }

    @Override
    public List<FunctionSpec> functions() {
        return fns;
    }

    @Override
    public Timer timer(LongConsumer action) {
        timers.add(action);
        return wakes::add;
    }

    @Override
    public void flowStateChanged(int fn, FlowState from, FlowState to) {
        changes.add(fns.get(fn).name() + ":" + to);
    }

    @Override
    public int dMax() {
        return dMax;
    }

    @Override
    public double serviceEstimateMs(int fn) {
        return fns.get(fn).gpuWarmMs();
    }

    @Override
    public double startEstimateMs(int fn) {
        return fns.get(fn).gpuWarmMs();
    }

    @Override
    public boolean hasWarmContainer(int fn, Device device) {
        return false;
    }

    @Override
    public double meanIatUs(int fn) {
        return iatUs;
    }

    @Override
    public List<Device> devices() {
        return List.of();
    }

    @Override
    public long finishIfStartedNowUs(Invocation inv) {
        return 0;
    }

    @Override
    public double pricePerSecond() {
        return price;
    }

    @Override
    public PolicyStats stats() {
        return new PolicyStats() {
            @Override
            public void addMetric(String name, LongSupplier count) {
                metrics.put(name, count);
            }

            @Override
            public void addObjective(Predicate<Invocation> met) {
                objectives.add(met);
            }
        };
    }
}
