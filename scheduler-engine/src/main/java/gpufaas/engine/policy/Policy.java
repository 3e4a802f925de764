package gpufaas.engine.policy;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;

/**
 * A queueing policy. The engine calls {@link #enqueue} on arrival and, whenever a device has a
 * free token, {@link #next} to pick what runs there; it reports dispatch and completion back.
 * All calls come from the engine's thread.
 */
public interface Policy {

    void attach(PolicyContext ctx);

    void enqueue(Invocation inv);

    /**
     * Picks the invocation to run next, offered a token of {@code device} (the engine may still bind
     * it to another free device for locality). Removes it from the queues. null when nothing is eligible.
     */
    Invocation next(Device device);

    /** The invocation finished (completed or failed); its token is free again. */
    void completed(Invocation inv);

    /**
     * For batching policies: the invocation to run next in the same container under the same token
     * right after {@code finished}, or null to release the token.
     */
    default Invocation continuation(Invocation finished) { return null; }

    /** What this policy needs of the engine beyond its choices (none by default). */
    default java.util.Set<Characteristic> characteristics() { return java.util.Set.of(); }

    /** A timer asked for with {@link PolicyContext#wakeAt} fired. */
    default void onWake(long nowUs) { }

    /** Invocations waiting in this policy's queues. */
    int queued();

    PolicySnapshot snapshot();

    /** Checks the policy's own invariants; throws IllegalStateException naming the broken one. */
    default void checkInvariants() { }
}
