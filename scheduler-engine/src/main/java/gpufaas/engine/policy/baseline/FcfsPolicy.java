package gpufaas.engine.policy.baseline;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.policy.FifoQueue;

/**
 * One global FIFO in arrival order. With {@code warmPool} false it is the paper's "current GPU
 * containers" baseline: no container survives its invocation, so every start is cold.
 */
public final class FcfsPolicy extends BaselinePolicy {
    private final boolean warmPool;
    private final FifoQueue queue = new FifoQueue();

    public FcfsPolicy(String name, boolean warmPool) {
        super(name);
        this.warmPool = warmPool;
    }

    @Override
    protected void init(int functions) { }

    @Override
    protected void add(Invocation inv) { queue.add(inv); }

    @Override
    protected Invocation take(Device device) { return queue.poll(); }

    @Override
    public java.util.Set<gpufaas.engine.policy.Characteristic> characteristics() {
        return warmPool ? java.util.Set.of() : java.util.Set.of(gpufaas.engine.policy.Characteristic.NO_WARM_POOL);
    }
}
