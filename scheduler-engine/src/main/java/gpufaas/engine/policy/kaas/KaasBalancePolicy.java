package gpufaas.engine.policy.kaas;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.FifoQueue;
import gpufaas.engine.policy.PolicyContext;
import gpufaas.engine.policy.baseline.BaselinePolicy;

/**
 * kaas-balance: one shared FCFS pool; any worker runs any tenant; misses load kernels and data
 * (registered with the characteristic SHARED_WORKERS).
 */
public final class KaasBalancePolicy extends BaselinePolicy {
    private final FifoQueue queue = new FifoQueue();

    public KaasBalancePolicy(PolicyContext ctx) {
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
