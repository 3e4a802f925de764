package gpufaas.engine.policy.baseline;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.FlowState;
import gpufaas.engine.policy.FlowView;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.policy.PolicyContext;
import gpufaas.engine.policy.PolicySnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared bookkeeping of the baselines: per-function queued and in-flight counts, and the flow
 * states they report to the memory hook: a function turns ACTIVE when one of its invocations is
 * dispatched and INACTIVE when none of them runs any more, so its memory is moved on before and
 * off after each invocation (reference §7), unless the next invocation of the same function takes
 * the container back-to-back (the engine applies the hooks after the dispatch that follows a
 * completion).
 */
public abstract class BaselinePolicy implements Policy {
    protected final PolicyContext ctx;
    private final int[] queuedOf;
    private final int[] inFlightOf;
    private final boolean[] active;
    private final boolean[] used;
    private int queuedTotal;

    protected BaselinePolicy(PolicyContext ctx) {
        this.ctx = ctx;
        int n = ctx.functions().size();
        queuedOf = new int[n];
        inFlightOf = new int[n];
        active = new boolean[n];
        used = new boolean[n];
    }

    /** The number of functions (flows) of the run. */
    protected final int functions() {
        return queuedOf.length;
    }

    protected abstract void add(Invocation inv);

    /** The next invocation for {@code device}, removed from the policy's own queues; null when none fits. */
    protected abstract Invocation take(Device device);

    @Override
    public final void enqueue(Invocation inv) {
        int fn = inv.fn();
        used[fn] = true;
        inv.estimateMs = ctx.startEstimateMs(fn);
        queuedOf[fn]++;
        queuedTotal++;
        add(inv);
    }

    @Override
    public final Invocation next(Device device) {
        if (queuedTotal == 0) return null;
        Invocation inv = take(device);
        if (inv != null) markTaken(inv);
        return inv;
    }

    /** Moves an invocation from queued to in flight (also for batch members taken at once). */
    protected final void markTaken(Invocation inv) {
        int fn = inv.fn();
        queuedOf[fn]--;
        queuedTotal--;
        inFlightOf[fn]++;
        if (!active[fn]) {
            active[fn] = true;
            ctx.flowStateChanged(fn, FlowState.INACTIVE, FlowState.ACTIVE);
        }
    }

    @Override
    public void completed(Invocation inv) {
        int fn = inv.fn();
        inFlightOf[fn]--;
        if (inFlightOf[fn] == 0 && active[fn]) {
            active[fn] = false;
            ctx.flowStateChanged(fn, FlowState.ACTIVE, FlowState.INACTIVE);
        }
    }

    @Override
    public final int queued() {
        return queuedTotal;
    }

    protected final int queuedOf(int fn) {
        return queuedOf[fn];
    }

    @Override
    public PolicySnapshot snapshot() {
        List<FlowView> flows = new ArrayList<>();
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) continue;
            flows.add(new FlowView(
                    i,
                    ctx.functions().get(i).name(),
                    queuedOf[i],
                    inFlightOf[i],
                    active[i] ? FlowState.ACTIVE : FlowState.INACTIVE,
                    Double.NaN,
                    Double.NaN));
        }
        return new PolicySnapshot(Double.NaN, Double.NaN, flows);
    }

    @Override
    public void checkInvariants() {
        long sum = 0;
        for (int i = 0; i < queuedOf.length; i++) {
            if (queuedOf[i] < 0 || inFlightOf[i] < 0)
                throw new IllegalStateException(this + ": negative count for function " + i);
            sum += queuedOf[i];
        }
        if (sum != queuedTotal) throw new IllegalStateException(this + ": queued total " + queuedTotal + " != " + sum);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName();
    }
}
