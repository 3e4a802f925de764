package gpufaas.engine.run;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.device.Residency;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.policy.Characteristic;
import gpufaas.engine.policy.FlowState;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.time.TimeSource;
import java.util.Arrays;

/**
 * Whenever a device of a side has a free token (and its utilization gate is open), asks the side's
 * policy what runs next, lets admission control drop what can no longer make its deadline, binds
 * the choice to a device (locality first) and hands it to the {@link Launcher}; and when an
 * invocation ends, gives its token back (or runs the next member of its batch in its container)
 * and dispatches again. Memory moves that a policy's flow-state changes ask for while it is
 * choosing are deferred until the chosen invocation holds its container.
 */
final class Dispatcher {
    private final Engine engine;
    private final Launcher launcher;
    private final Residency residency;
    private final TimeSource ts;
    /** the wake-up at a closed gate's next sample */
    private final WakeTimer gateWake;
    /** what-if reruns: the invocation bound to {@link #forcedDevice} instead of where binding puts it (-1: none) */
    private long forcedInvocation = -1;

    private int forcedDevice = -1;
    private boolean droppedAny;
    private int deferDepth;
    /**
     * Flow state changes reported while deferred: the functions in first-report order
     * ({@code deferredFns[0, deferredCount)}), each with its last reported state ({@code deferredState[fn]},
     * null for a function not among them).
     */
    private int[] deferredFns = new int[8];

    private int deferredCount;
    private final FlowState[] deferredState;

    Dispatcher(Engine engine, Launcher launcher, Residency residency, TimeSource ts) {
        this.engine = engine;
        this.launcher = launcher;
        this.residency = residency;
        this.ts = ts;
        this.gateWake = new WakeTimer(ts, now -> dispatchAll());
        this.deferredState = new FlowState[engine.functions().size()];
    }

    /** Starts what the side's policy chooses while a device of the side can take it. */
    void dispatch(Side s) {
        if (s.has(Characteristic.PINS_DEVICES)) {
            dispatchPinned(s);
            return;
        }
        Policy p = s.policy;
        while (p.queued() > 0) {
            Device offer = pickOffer(s);
            if (offer == null) break;
            deferDepth++;
            Invocation inv = screen(s, p.next(offer));
            if (inv != null) {
                Device d =
                        s.devices.size() == 1 ? offer : DeviceBinding.bind(s, residency, inv.fn(), offer, ts.nowUs());
                if (inv.id == forcedInvocation) d = forced(s, d);
                start(s, inv, d, false);
            }
            endDeferral(s);
            if (inv == null && !droppedAny) break;
            droppedAny = false;
        }
    }

    /** Policies that decide per device: every device with a free token is asked in turn. */
    private void dispatchPinned(Side s) {
        Policy p = s.policy;
        long now = ts.nowUs();
        boolean progress = true;
        while (progress && p.queued() > 0) {
            progress = false;
            for (int i = 0, n = s.devices.size(); i < n && p.queued() > 0; i++) {
                Device d = s.devices.get(i);
                if (!s.canTake(d)) continue;
                if (!d.gate.open(now)) {
                    gateWake.at(d.gate.nextSampleUs(now));
                    continue;
                }
                deferDepth++;
                Invocation inv = screen(s, p.next(d));
                if (inv != null) start(s, inv, d, false);
                endDeferral(s);
                if (inv != null || droppedAny) progress = true;
                droppedAny = false;
            }
        }
    }

    /** See {@link Engine#forceDevice}. */
    void forceDevice(long invocationId, int deviceIndex) {
        forcedInvocation = invocationId;
        forcedDevice = deviceIndex;
    }

    private Device forced(Side s, Device chosen) {
        for (Device d : s.devices) {
            if (d.index == forcedDevice && d != chosen && s.canTake(d) && d.gate.open(ts.nowUs())) return d;
        }
        return chosen;
    }

    void dispatchAll() {
        for (Side s : engine.sides().all()) dispatch(s);
    }

    /**
     * Admission control's last word before an invocation starts: drops it (and, for a batch, moves on
     * to the next member) when it can no longer make its deadline. Returns what may start, or null.
     */
    private Invocation screen(Side s, Invocation inv) {
        while (inv != null) {
            String drop = engine.admission().dropAtDispatch(inv, s.kind());
            if (drop == null) return inv;
            Invocation rest = s.continuation(inv);
            s.unqueued(inv);
            s.policy.completed(inv);
            engine.end(inv, Outcome.DROPPED, drop);
            droppedAny = true;
            inv = rest;
        }
        return null;
    }

    /** The lowest-loaded device of the side that can take an invocation now, or null (with a wake at the gate's next sample). */
    private Device pickOffer(Side s) {
        long now = ts.nowUs();
        long wake = Long.MAX_VALUE;
        for (int k = 0, levels = s.levels(); k < levels - 1; k++) {
            for (int pos = s.nextInLevel(k, 0); pos >= 0; pos = s.nextInLevel(k, pos + 1)) {
                Device d = s.devices.get(pos);
                if (!s.canTake(d)) continue;
                if (!d.gate.open(now)) {
                    wake = Math.min(wake, d.gate.nextSampleUs(now));
                    continue;
                }
                return d;
            }
        }
        if (wake != Long.MAX_VALUE) gateWake.at(wake);
        return null;
    }

    private void start(Side s, Invocation inv, Device d, boolean tokenHeld) {
        if (!tokenHeld) s.take(d);
        s.dispatched(inv, d, ts.nowUs());
        if (!launcher.place(s, inv, d)) s.waitForMemory(inv, d);
    }

    /** {@code inv} ended in {@code c} on the backend, completed ({@code failure} null) or failed. */
    void ended(Invocation inv, Container c, String failure) {
        long now = ts.nowUs();
        Device d = c.device;
        Side s = engine.sides().of(d);
        launcher.stopped(inv, c, now);
        if (failure == null) {
            if (d.kind == DeviceKind.GPU) engine.estimator().observe(inv.fn(), (now - inv.startUs) / 1000.0);
            engine.end(inv, Outcome.COMPLETED, null);
        } else {
            engine.end(inv, Outcome.FAILED, failure);
            residency.remove(c, false);
        }
        s.ended(inv);
        deferDepth++;
        Invocation next = screen(s, s.continuation(inv));
        if (next == null) {
            if (failure == null) residency.release(c, !s.has(Characteristic.NO_WARM_POOL));
            s.give(d);
        }
        s.policy.completed(inv);
        if (next != null) {
            if (failure == null) {
                s.dispatched(next, d, now);
                launcher.continueIn(c, next);
            } else {
                start(s, next, d, true);
            }
        } else {
            retryMemoryWaiters(s, d);
        }
        engine.admission().releaseParked();
        dispatchAll();
        endDeferral(s);
    }

    private void retryMemoryWaiters(Side s, Device d) {
        Invocation w;
        while ((w = s.nextMemoryWaiter(d)) != null) {
            if (!launcher.place(s, w, d)) return;
            s.memoryWaiterPlaced(d);
        }
    }

    // ------------------------------------------------------------------ flow states and memory

    /** A policy of {@code s} reported a flow's new state: memory moves now, or after the current choice. */
    void flowStateChanged(Side s, int fn, FlowState to) {
        if (!s.gpu) return;
        if (deferDepth > 0) {
            if (deferredState[fn] == null) {
                if (deferredCount == deferredFns.length) deferredFns = Arrays.copyOf(deferredFns, deferredCount * 2);
                deferredFns[deferredCount++] = fn;
            }
            deferredState[fn] = to;
        } else {
            applyMemoryHook(fn, to);
        }
    }

    /**
     * State changes a policy reports while choosing (e.g. the chosen flow turning Throttled) move
     * memory only after the chosen invocation has taken its container, so it is not swapped out
     * from under the invocation it was chosen for.
     */
    private void endDeferral(Side s) {
        if (--deferDepth > 0 || deferredCount == 0) return;
        int n = deferredCount;
        int[] fns = Arrays.copyOf(deferredFns, n);
        FlowState[] states = new FlowState[n];
        for (int i = 0; i < n; i++) {
            states[i] = deferredState[fns[i]];
            deferredState[fns[i]] = null;
        }
        deferredCount = 0;
        for (int i = 0; i < n; i++) applyMemoryHook(fns[i], states[i]);
    }

    private void applyMemoryHook(int fn, FlowState to) {
        if (to == FlowState.ACTIVE) residency.flowActive(fn);
        else residency.flowIdle(fn);
    }
}
