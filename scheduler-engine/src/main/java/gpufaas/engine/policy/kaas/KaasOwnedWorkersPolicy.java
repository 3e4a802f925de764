package gpufaas.engine.policy.kaas;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.PolicyContext;
import java.util.List;

/**
 * kaas-exclusive and kaas-affinity: one worker per GPU, owned by one tenant at a time. When a
 * worker is free: a waiting tenant grows (takes this worker) if that evens the pool, i.e. it has
 * no worker or one more would still leave it below the largest tenant, and this worker belongs to
 * a largest tenant; otherwise the owner's own queue is served; an owner with nothing to do hands
 * the worker to the tenant waiting longest. exclusive kills the worker and starts a new process
 * for the new owner (a cold start); affinity moves the worker (a kernel load and data upload).
 * With more tenants than GPUs, exclusive thrashes: nearly every request starts a worker. The two
 * differ only in their entries' characteristics: affinity's workers are SHARED_WORKERS.
 */
public final class KaasOwnedWorkersPolicy extends TenantQueues {

    public KaasOwnedWorkersPolicy(PolicyContext ctx) {
        super(ctx);
    }

    @Override
    protected Invocation take(Device device) {
        if (byOldest.isEmpty()) return null;
        List<Device> ds = ctx.devices();
        int owner = TenantQueues.ownerOf(device);
        int[] workers = new int[queues.length];
        int largest = 0;
        for (Device d : ds) {
            int o = TenantQueues.ownerOf(d);
            if (o >= 0) largest = Math.max(largest, ++workers[o]);
        }
        if (owner < 0 || workers[owner] == largest) {
            for (int i = 0; i < byOldest.size(); i++) {
                int t = byOldest.at(i);
                if (t == owner) continue;
                if (workers[t] == 0 || workers[t] + 1 < largest) return oldestGrowing();
            }
        }
        if (owner >= 0 && !queues[owner].isEmpty()) return pop(owner);
        return pop(byOldest.peek());
    }

    /** The longest-waiting tenant that may grow (heap order is not sorted beyond the top, so scan). */
    private Invocation oldestGrowing() {
        List<Device> ds = ctx.devices();
        int[] workers = new int[queues.length];
        int largest = 0;
        for (Device d : ds) {
            int o = TenantQueues.ownerOf(d);
            if (o >= 0) largest = Math.max(largest, ++workers[o]);
        }
        int best = -1;
        for (int i = 0; i < byOldest.size(); i++) {
            int t = byOldest.at(i);
            if (workers[t] != 0 && workers[t] + 1 >= largest) continue;
            if (best < 0 || queues[t].peek().id < queues[best].peek().id) best = t;
        }
        return pop(best);
    }
}
