package gpufaas.engine.policy.slo;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.policy.PolicyContext;
import gpufaas.engine.policy.baseline.BaselinePolicy;
import java.util.Comparator;
import java.util.Iterator;
import java.util.TreeSet;

/**
 * One ordered set of waiting invocations, by deadline (EDF, EDF-warm, cost-aware) or by latest
 * start time (LSF: deadline − estimated duration at arrival, which orders exactly like least slack
 * since now is common to all). EDF-warm and cost-aware look at most {@code window} invocations
 * deep, in deadline order, for one that makes its deadline and suits the device; memory and start
 * accounting are the baselines' (memory on before and off after each invocation).
 *
 * <p>A cost budget (cost-aware's {@code budget}) is an objective of the run: a completion whose cost
 * (run time × the device's price per second) exceeds it is a violation even when it met its
 * deadline, and the summary counts such completions in {@code over_budget}.
 */
public final class SloPolicy extends BaselinePolicy {
    private static final int WINDOW = 64;
    private final SloOrder order;
    private final TreeSet<Invocation> waiting;
    private final double budget;
    private long overBudget;

    /** An SLO ordering without a cost budget. */
    public SloPolicy(PolicyContext ctx, SloOrder order) {
        this(ctx, order, 0);
    }

    /** @param budget largest acceptable cost of one invocation (price × seconds); 0: no budget */
    public SloPolicy(PolicyContext ctx, SloOrder order, double budget) {
        super(ctx);
        this.order = order;
        this.budget = budget;
        if (budget > 0) {
            ctx.stats().addObjective(this::withinBudget);
            ctx.stats().addMetric("over_budget", () -> overBudget);
        }
        Comparator<Invocation> key = order == SloOrder.LSF
                ? Comparator.comparingLong(SloPolicy::latestStartUs)
                : Comparator.comparingLong(i -> i.deadlineUs);
        this.waiting = new TreeSet<>(key.thenComparingLong(i -> i.id));
    }

    /** Its cost (run time × the price of this side's devices) is at most the budget. */
    private boolean withinBudget(Invocation inv) {
        return (inv.endUs - inv.startUs) / 1000.0 / 1000.0 * ctx.pricePerSecond() <= budget;
    }

    @Override
    public void completed(Invocation inv) {
        if (budget > 0 && inv.outcome == Outcome.COMPLETED && !withinBudget(inv)) overBudget++;
        super.completed(inv);
    }

    private static long latestStartUs(Invocation i) {
        if (i.deadlineUs == Long.MAX_VALUE) return Long.MAX_VALUE;
        return i.deadlineUs - Math.round(i.estimateMs * 1000);
    }

    @Override
    protected void add(Invocation inv) {
        waiting.add(inv);
    }

    @Override
    protected Invocation take(Device device) {
        if (waiting.isEmpty()) return null;
        Invocation pick = switch (order) {
            case EDF, LSF -> waiting.first();
            case EDF_WARM -> firstFeasible(device, true);
            case COST_AWARE -> firstFeasible(device, false);
        };
        waiting.remove(pick);
        return pick;
    }

    /**
     * EDF-warm: the earliest-deadline invocation that still makes its deadline and is warm on the
     * device. Cost-aware: among those that make their deadline, the one with the smallest estimated
     * run time (its cost on this device is that time × the device's price). Falls back to EDF.
     */
    private Invocation firstFeasible(Device device, boolean warm) {
        Invocation best = null;
        Iterator<Invocation> it = waiting.iterator();
        for (int k = 0; k < WINDOW && it.hasNext(); k++) {
            Invocation inv = it.next();
            if (ctx.finishIfStartedNowUs(inv) > inv.deadlineUs) continue;
            if (warm) {
                if (device != null && ctx.hasWarmContainer(inv.fn(), device)) return inv;
            } else if (best == null || inv.estimateMs < best.estimateMs) {
                best = inv;
            }
        }
        return best != null ? best : waiting.first();
    }
}
