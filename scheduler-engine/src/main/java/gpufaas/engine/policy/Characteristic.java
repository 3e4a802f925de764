package gpufaas.engine.policy;

/**
 * What a policy asks of the engine beyond choosing what runs next (Caffeine's policy
 * characteristics): a policy declares the set it needs, and the engine, not the policy, acts on it.
 */
public enum Characteristic {
    /** keeps no warm containers: every invocation starts a fresh container, removed afterwards */
    NO_WARM_POOL,
    /**
     * a container is a tenant's kernels and data in a shared worker (Kernel-as-a-Service): a first
     * request on a worker is a cache miss (kernel load and data upload), never a cold start
     */
    SHARED_WORKERS,
    /** one worker per GPU: the device's tokens and pool are capped at one */
    ONE_WORKER_PER_DEVICE,
    /**
     * decides for the device offered: the engine offers every device with a free token in turn and
     * never moves the chosen invocation to another device (static partitions, owned workers)
     */
    PINS_DEVICES
}
