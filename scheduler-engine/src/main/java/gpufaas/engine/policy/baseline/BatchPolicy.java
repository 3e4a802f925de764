package gpufaas.engine.policy.baseline;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.Batching;
import gpufaas.engine.policy.FifoQueue;
import gpufaas.engine.policy.IndexedHeap;
import gpufaas.engine.policy.PolicyContext;

/**
 * Per-function queues; a free token takes the whole queue that holds the oldest invocation (at most
 * {@code maxBatch} of it) and runs it serially in one container. Later arrivals wait for the next
 * batch. Batch members are chained through {@link Invocation#next}, count as queued until they
 * start, and are handed out by {@link #continuation}.
 */
public final class BatchPolicy extends BaselinePolicy implements Batching {
    private final int maxBatch;
    private final FifoQueue[] queues;
    private final IndexedHeap byOldestHead;

    public BatchPolicy(PolicyContext ctx, int maxBatch) {
        super(ctx);
        this.maxBatch = maxBatch;
        queues = new FifoQueue[functions()];
        for (int i = 0; i < queues.length; i++) queues[i] = new FifoQueue();
        byOldestHead = new IndexedHeap((a, b) -> queues[a].peek().id < queues[b].peek().id);
    }

    @Override
    protected void add(Invocation inv) {
        FifoQueue q = queues[inv.fn()];
        q.add(inv);
        if (q.size() == 1) byOldestHead.add(inv.fn());
    }

    @Override
    protected Invocation take(Device device) {
        if (byOldestHead.isEmpty()) return null; // everything queued sits in running batches
        int fn = byOldestHead.poll();
        FifoQueue q = queues[fn];
        Invocation first = q.poll();
        Invocation last = first;
        int taken = 1;
        while (taken < maxBatch && !q.isEmpty()) {
            Invocation inv = q.poll();
            last.next = inv;
            last = inv;
            taken++;
        }
        last.next = null;
        if (!q.isEmpty()) byOldestHead.add(fn);
        return first;
    }

    @Override
    public Invocation continuation(Invocation finished) {
        Invocation rest = finished.next;
        finished.next = null;
        if (rest != null) markTaken(rest); // batch members count as queued until they start
        return rest;
    }
}
