package gpufaas.engine.policy.baseline;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.FifoQueue;
import gpufaas.engine.policy.PolicyContext;

/**
 * One global FIFO in arrival order. Registered twice: {@code fcfs} with the warm pool, and
 * {@code fcfs-naive}, the paper's "current GPU containers" baseline, with the characteristic
 * NO_WARM_POOL (no container survives its invocation, so every start is cold).
 */
public final class FcfsPolicy extends BaselinePolicy {
    private final FifoQueue queue = new FifoQueue();

    public FcfsPolicy(PolicyContext ctx) {
        super(ctx);
    }

    @Override
    protected void add(Invocation inv) {
        queue.add(inv);
    }

    @Override
    protected Invocation take(Device device) {
        return queue.poll();
    }
}
