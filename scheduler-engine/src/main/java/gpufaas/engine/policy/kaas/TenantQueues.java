package gpufaas.engine.policy.kaas;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.FifoQueue;
import gpufaas.engine.policy.IndexedHeap;
import gpufaas.engine.policy.PolicyContext;
import gpufaas.engine.policy.baseline.BaselinePolicy;

/** Per-tenant FIFO queues with the backlogged tenants ordered by their oldest waiting request. */
abstract class TenantQueues extends BaselinePolicy {
    protected final FifoQueue[] queues;
    protected final IndexedHeap byOldest;

    TenantQueues(PolicyContext ctx) {
        super(ctx);
        queues = new FifoQueue[functions()];
        for (int i = 0; i < queues.length; i++) queues[i] = new FifoQueue();
        byOldest = new IndexedHeap((a, b) -> queues[a].peek().id < queues[b].peek().id);
    }

    @Override
    protected void add(Invocation inv) {
        FifoQueue q = queues[inv.fn()];
        q.add(inv);
        if (q.size() == 1) byOldest.add(inv.fn());
    }

    /** Pops the head of {@code tenant}'s queue. */
    protected Invocation pop(int tenant) {
        FifoQueue q = queues[tenant];
        Invocation inv = q.poll();
        if (q.isEmpty()) byOldest.remove(tenant);
        else byOldest.update(tenant);
        return inv;
    }

    /** The tenant whose worker (or cached data) lives on {@code d}, or -1. */
    static int ownerOf(Device d) {
        for (Container c : d.containers()) return c.function.id();
        return -1;
    }

    /** true when {@code d} holds {@code tenant}'s container or cached data. */
    static boolean holds(Device d, int tenant) {
        return !d.containersOf(tenant).isEmpty();
    }
}
