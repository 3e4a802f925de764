package gpufaas.engine.policy;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;

/**
 * A queueing policy of one side of a run (its GPUs, or its CPU pool), made by its registry entry's
 * {@link PolicyFactory} with the side's {@link PolicyContext}. The engine calls {@link #enqueue} on
 * arrival and, whenever a device has a free token, {@link #next} to pick what runs there; it
 * reports completion back. What a policy needs of the engine beyond its choices is declared in its
 * entry ({@link Characteristic}s); batching policies also implement {@link Batching}. All calls
 * come from the engine's thread.
 */
public interface Policy {

    void enqueue(Invocation inv);

    /**
     * Picks the invocation to run next, offered a token of {@code device} (the engine may still bind
     * it to another free device for locality). Removes it from the queues. null when nothing is eligible.
     */
    Invocation next(Device device);

    /** The invocation finished (completed, failed, or dropped at dispatch); its token is free again. */
    void completed(Invocation inv);

    /** Invocations waiting in this policy's queues. */
    int queued();

    /** The queues now, for the UI and tests. */
    PolicySnapshot snapshot();

    /** Checks the policy's own invariants; throws IllegalStateException naming the broken one. */
    default void checkInvariants() {}
}
