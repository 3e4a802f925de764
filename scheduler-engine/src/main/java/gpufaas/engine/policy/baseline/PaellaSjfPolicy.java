package gpufaas.engine.policy.baseline;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.FifoQueue;
import gpufaas.engine.policy.IndexedHeap;
import gpufaas.engine.policy.PolicyContext;

/**
 * Function-level approximation of Paella's SRPT with a fairness threshold (reference §7): pick the
 * function whose head has the smallest estimate unless some function's deficit reached the
 * threshold; then the largest deficit goes first. On a dispatch the chosen function's deficit
 * drops by 1 − 1/N and every other backlogged function's grows by 1/N (N backlogged functions),
 * kept in O(log N) with a shared offset. A function that returns from idleness starts at deficit 0.
 */
public final class PaellaSjfPolicy extends BaselinePolicy {
    private final double threshold;
    private final FifoQueue[] queues;
    private final double[] base;
    private double offset;
    private final IndexedHeap byEstimate;
    private final IndexedHeap byDeficit;

    public PaellaSjfPolicy(PolicyContext ctx, double threshold) {
        super(ctx);
        this.threshold = threshold;
        queues = new FifoQueue[functions()];
        for (int i = 0; i < queues.length; i++) queues[i] = new FifoQueue();
        base = new double[queues.length];
        byEstimate = new IndexedHeap((a, b) -> {
            double ea = queues[a].peek().estimateMs;
            double eb = queues[b].peek().estimateMs;
            return ea < eb || (ea == eb && queues[a].peek().id < queues[b].peek().id);
        });
        byDeficit = new IndexedHeap((a, b) -> base[a] > base[b] || (base[a] == base[b] && a < b));
    }

    public double deficit(int fn) {
        return base[fn] + offset;
    }

    @Override
    protected void add(Invocation inv) {
        int fn = inv.fn();
        FifoQueue q = queues[fn];
        q.add(inv);
        if (q.size() == 1) {
            base[fn] = -offset;
            byEstimate.add(fn);
            byDeficit.add(fn);
        }
    }

    @Override
    protected Invocation take(Device device) {
        int n = byEstimate.size();
        int top = byDeficit.peek();
        int fn = deficit(top) >= threshold ? top : byEstimate.peek();
        FifoQueue q = queues[fn];
        Invocation inv = q.poll();
        offset += 1.0 / n;
        base[fn] -= 1.0;
        if (q.isEmpty()) {
            byEstimate.remove(fn);
            byDeficit.remove(fn);
        } else {
            byEstimate.update(fn);
            byDeficit.update(fn);
        }
        return inv;
    }
}
