package gpufaas.engine.policy.kaas;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.FifoQueue;
import gpufaas.engine.policy.IndexedHeap;
import gpufaas.engine.policy.PolicyContext;
import java.util.ArrayList;
import java.util.List;

/**
 * kaas-static: fixed partitions. Tenant i is bound to GPU i mod G for the whole run and keeps its
 * own worker there; each GPU serves its tenants first come, first served. With more tenants than
 * GPUs, a GPU is shared by its tenants: turn MPS on (--mps on) to give each the fractional GPU of
 * the MPS model (100/D percent of the threads), or leave it off for time slicing.
 */
public final class KaasStaticPolicy extends TenantQueues {
    private final List<IndexedHeap> perDevice = new ArrayList<>();

    public KaasStaticPolicy(PolicyContext ctx) {
        super(ctx);
    }

    private IndexedHeap heapFor(int slot) {
        while (perDevice.size() <= slot) {
            perDevice.add(new IndexedHeap((a, b) -> queues[a].peek().id < queues[b].peek().id));
        }
        return perDevice.get(slot);
    }

    private int slotOf(int tenant) {
        return tenant % ctx.devices().size();
    }

    @Override
    protected void add(Invocation inv) {
        super.add(inv);
        IndexedHeap h = heapFor(slotOf(inv.fn()));
        if (queues[inv.fn()].size() == 1) h.add(inv.fn());
    }

    @Override
    protected Invocation take(Device device) {
        int slot = ctx.devices().indexOf(device);
        if (slot < 0) return null;
        IndexedHeap h = heapFor(slot);
        if (h.isEmpty()) return null;
        int t = h.peek();
        Invocation inv = pop(t);
        FifoQueue q = queues[t];
        if (q.isEmpty()) h.remove(t);
        else h.update(t);
        return inv;
    }
}
