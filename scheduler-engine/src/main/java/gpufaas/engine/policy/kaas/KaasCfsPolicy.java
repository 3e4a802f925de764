package gpufaas.engine.policy.kaas;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.PolicyContext;

/**
 * kaas-cfs: shared workers scheduled like CFS. Each tenant has a virtual time advanced, per
 * request, by its weight w = estimated GPU-seconds per request ÷ its share (the function's
 * weight); a free worker picks the tenant with the smallest effective virtual time, where a tenant
 * whose data is not cached on this worker (off its affinity GPUs) pays a penalty of
 * {@code penalty} × w. A tenant that returns from idleness starts at the smallest virtual time of
 * the backlogged tenants (no banked credit).
 */
public final class KaasCfsPolicy extends TenantQueues {
    private final double penalty;
    private final double[] vt;

    public KaasCfsPolicy(PolicyContext ctx, double penalty) {
        super(ctx);
        this.penalty = penalty;
        vt = new double[functions()];
    }

    private double weight(int t) {
        return ctx.serviceEstimateMs(t) / 1000.0 / ctx.functions().get(t).weight();
    }

    @Override
    protected void add(Invocation inv) {
        int t = inv.fn();
        if (queues[t].isEmpty()) {
            double min = Double.POSITIVE_INFINITY;
            for (int i = 0; i < byOldest.size(); i++) min = Math.min(min, vt[byOldest.at(i)]);
            if (min != Double.POSITIVE_INFINITY) vt[t] = Math.max(vt[t], min);
        }
        super.add(inv);
    }

    @Override
    protected Invocation take(Device device) {
        int best = -1;
        double bestVt = Double.POSITIVE_INFINITY;
        for (int i = 0; i < byOldest.size(); i++) {
            int t = byOldest.at(i);
            double eff = vt[t] + (TenantQueues.holds(device, t) ? 0 : penalty * weight(t));
            if (eff < bestVt || (eff == bestVt && queues[t].peek().id < queues[best].peek().id)) {
                best = t;
                bestVt = eff;
            }
        }
        if (best < 0) return null;
        vt[best] += weight(best);
        return pop(best);
    }

    /** The tenant's virtual time (virtual GPU-seconds). */
    public double virtualTime(int tenant) {
        return vt[tenant];
    }
}
