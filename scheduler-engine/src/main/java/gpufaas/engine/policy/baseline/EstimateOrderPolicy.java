package gpufaas.engine.policy.baseline;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.PolicyContext;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * One global heap over invocations: {@code sjf} orders by the estimated duration (cold, GPU-cold or
 * warm by container state at arrival), {@code eedf} by the estimated end, arrival + estimate
 * (earliest expected deadline first). Ties go to the earlier arrival.
 */
public final class EstimateOrderPolicy extends BaselinePolicy {
    private final PriorityQueue<Invocation> heap;

    public EstimateOrderPolicy(PolicyContext ctx, boolean byExpectedEnd) {
        super(ctx);
        Comparator<Invocation> key = byExpectedEnd
                ? Comparator.comparingDouble(i -> i.arrivalUs / 1000.0 + i.estimateMs)
                : Comparator.comparingDouble(i -> i.estimateMs);
        heap = new PriorityQueue<>(key.thenComparingLong(i -> i.id));
    }

    @Override
    protected void add(Invocation inv) {
        heap.add(inv);
    }

    @Override
    protected Invocation take(Device device) {
        return heap.poll();
    }
}
