package gpufaas.engine.backend;

import gpufaas.engine.device.Container;
import gpufaas.engine.model.Invocation;

/**
 * Runs what the engine decides. Every operation is asynchronous: the backend reports its end
 * through {@link BackendCallbacks}, on the engine's time source (a live backend posts to the wall
 * clock's queue from its own threads; the simulated one schedules virtual events).
 */
public interface ExecutionBackend extends AutoCloseable {

    /** A short name: sim, docker, cuda. */
    String name();

    void attach(BackendCallbacks callbacks);

    /** Creates and initialises the container of a cold start, then reports containerReady (or failed). */
    void createContainer(Container c, Invocation inv);

    /** Runs {@code inv} in {@code c}, then reports executed (or failed). */
    void execute(Invocation inv, Container c);

    /** Moves {@code c}'s memory to the device or to the host (an explicit prefetch or swap-out), then reports memoryMoved. */
    void moveMemory(Container c, boolean toDevice);

    /**
     * {@code c}'s invocation starts with its memory on the host and no prefetch (unified-memory demand
     * paging): reports memoryMoved(c, true) once its footprint is on the device. A backend that cannot
     * tell the two apart prefetches.
     */
    default void faultIn(Container c) {
        moveMemory(c, true);
    }

    /** Removes {@code c} (evicted or no longer wanted). No report. */
    void destroyContainer(Container c);

    @Override
    default void close() {}
}
