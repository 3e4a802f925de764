package gpufaas.views.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.Batching;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.policy.PolicySnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * A policy with one decision overridden, for what-if reruns: when the wrapped policy chooses
 * invocation {@code target}, this one asks it again until it names an invocation of another
 * function (the next candidate flow) and dispatches that instead. The target, and any invocations
 * of its function popped on the way, wait aside and go first at the next dispatch (on any device),
 * so nothing is lost and the rest of the run follows the policy. Everything else is the wrapped
 * policy's. When no other function is eligible then, the decision stands.
 */
final class WhatIfPolicy implements Batching {
    /** how many invocations of the target's own function it looks past for another one */
    static final int MAX_LOOK = 64;

    private final Policy inner;
    private final long target;
    private final ArrayDeque<Invocation> held = new ArrayDeque<>();
    private boolean done;
    private Invocation alternative;

    WhatIfPolicy(Policy inner, long target) {
        this.inner = inner;
        this.target = target;
    }

    /** The invocation dispatched in the target's place, or null (not reached yet, or no other candidate). */
    Invocation alternative() {
        return alternative;
    }

    /** Whether the target decision was reached. */
    boolean reached() {
        return done;
    }

    @Override
    public Invocation next(Device device) {
        if (!held.isEmpty()) return held.poll();
        Invocation inv = inner.next(device);
        if (done || inv == null || inv.id != target) return inv;
        done = true;
        List<Invocation> same = new ArrayList<>();
        same.add(inv);
        for (int i = 0; i < MAX_LOOK; i++) {
            Invocation alt = inner.next(device);
            if (alt == null) break;
            if (alt.fn() != inv.fn()) {
                alternative = alt;
                held.addAll(same);
                return alt;
            }
            same.add(alt);
        }
        held.addAll(same.subList(1, same.size()));
        return inv;
    }

    @Override
    public int queued() {
        return inner.queued() + held.size();
    }

    @Override
    public void enqueue(Invocation inv) {
        inner.enqueue(inv);
    }

    @Override
    public void completed(Invocation inv) {
        inner.completed(inv);
    }

    /** The wrapped policy's next batch member; null (release the token) when it does not batch. */
    @Override
    public Invocation continuation(Invocation finished) {
        return inner instanceof Batching b ? b.continuation(finished) : null;
    }

    @Override
    public PolicySnapshot snapshot() {
        return inner.snapshot();
    }

    @Override
    public void checkInvariants() {
        inner.checkInvariants();
    }
}
