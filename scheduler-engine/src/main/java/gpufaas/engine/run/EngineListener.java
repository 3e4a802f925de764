package gpufaas.engine.run;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.device.ResidencyListener;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.FlowState;
import java.util.List;

/**
 * What happens in the engine, as plain calls (no event objects on the hot path). Metrics, result
 * writers and the UI tap implement the parts they need.
 */
public interface EngineListener extends ResidencyListener {

    default void arrived(Invocation inv) {}

    /** Dispatched to a device; {@code inv.startType} and {@code inv.device} are set. */
    default void dispatched(Invocation inv, Device d) {}

    /** Its code starts executing now. */
    default void started(Invocation inv, Device d) {}

    /** Ended with any outcome (completed, rejected, dropped, failed); {@code inv.outcome} is set. */
    default void finished(Invocation inv) {}

    default void flowStateChanged(int fn, FlowState from, FlowState to, long nowUs) {}

    @Override
    default void containerCreated(Container c) {}

    @Override
    default void containerRemoved(Container c, boolean evicted) {}

    @Override
    default void memoryMoved(Container c, MemoryLocation from, MemoryLocation to) {}

    /** Combines listeners, called in order. */
    static EngineListener of(List<? extends EngineListener> ls) {
        EngineListener[] a = ls.toArray(new EngineListener[0]);
        if (a.length == 1) return a[0];
        return new EngineListener() {
            @Override
            public void arrived(Invocation inv) {
                for (EngineListener l : a) l.arrived(inv);
            }

            @Override
            public void dispatched(Invocation inv, Device d) {
                for (EngineListener l : a) l.dispatched(inv, d);
            }

            @Override
            public void started(Invocation inv, Device d) {
                for (EngineListener l : a) l.started(inv, d);
            }

            @Override
            public void finished(Invocation inv) {
                for (EngineListener l : a) l.finished(inv);
            }

            @Override
            public void flowStateChanged(int fn, FlowState f, FlowState t, long now) {
                for (EngineListener l : a) l.flowStateChanged(fn, f, t, now);
            }

            @Override
            public void containerCreated(Container c) {
                for (EngineListener l : a) l.containerCreated(c);
            }

            @Override
            public void containerRemoved(Container c, boolean e) {
                for (EngineListener l : a) l.containerRemoved(c, e);
            }

            @Override
            public void memoryMoved(Container c, MemoryLocation f, MemoryLocation t) {
                for (EngineListener l : a) l.memoryMoved(c, f, t);
            }
        };
    }
}
