package gpufaas.engine.backend;

import gpufaas.engine.device.Container;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.time.TimeSource;

/** How a backend reports back to the engine. Call only on the engine's thread (through the time source). */
public interface BackendCallbacks {

    TimeSource time();

    void containerReady(Container c, Invocation inv);

    void executed(Invocation inv, Container c);

    void memoryMoved(Container c, boolean toDevice);

    /** {@code inv} failed in {@code c} (the container is gone); {@code reason} goes to its row. */
    void failed(Invocation inv, Container c, String reason);

    /**
     * The backend can no longer run anything (a container engine that went away, a lost GPU): the
     * engine stops taking arrivals, ends parked invocations as failed with {@code reason}, lets the
     * backend fail what is queued and in flight, and reports the run as incomplete.
     */
    void abort(String reason);
}
