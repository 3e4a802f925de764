package gpufaas.engine.policy.kaas;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.FifoQueue;
import gpufaas.engine.policy.Characteristic;
import gpufaas.engine.policy.baseline.BaselinePolicy;

import java.util.Set;

/** kaas-balance: one shared FCFS pool; any worker runs any tenant; misses load kernels and data. */
public final class KaasBalancePolicy extends BaselinePolicy {
    private final FifoQueue queue = new FifoQueue();

    public KaasBalancePolicy() { super("kaas-balance"); }

    @Override
    protected void init(int functions) { }

    @Override
    protected void add(Invocation inv) { queue.add(inv); }

    @Override
    protected Invocation take(Device device) { return queue.poll(); }

    @Override
    public Set<Characteristic> characteristics() { return Set.of(Characteristic.SHARED_WORKERS); }
}
