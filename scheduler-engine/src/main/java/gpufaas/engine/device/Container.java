package gpufaas.engine.device;

import gpufaas.engine.model.FunctionSpec;

/**
 * A function's container on one device. Its memory footprint lives on the device, on the host, or
 * on the way; its CUDA context stays on the device while the container lives.
 */
public final class Container {
    public final long id;
    public final FunctionSpec function;
    public final Device device;
    /** the invocation waiting for this container to become ready or for its memory to arrive (engine use) */
    public gpufaas.engine.model.Invocation pendingStart;
    /** a tenant's kernels and data in a shared KaaS worker rather than a container of its own */
    boolean shared;
    MemoryLocation location;
    boolean busy;
    boolean ready;
    boolean destroyed;
    long lastUsedUs;
    long moveDoneUs;
    /** LRU links among the device's idle containers. */
    Container lruPrev;
    Container lruNext;
    boolean inLru;
    /** position in the device's LRU order: larger means appended later */
    long lruSeq;
    /** index in the device's heap of idle containers whose memory is on it, or -1 */
    int onDeviceIdx = -1;

    Container(long id, FunctionSpec function, Device device, long now) {
        this.id = id;
        this.function = function;
        this.device = device;
        this.location = MemoryLocation.DEVICE;
        this.lastUsedUs = now;
    }

    public MemoryLocation location() { return location; }

    public boolean busy() { return busy; }

    /** false while the container is still being created */
    public boolean ready() { return ready; }

    public boolean destroyed() { return destroyed; }

    public long lastUsedUs() { return lastUsedUs; }

    /** when a move in progress completes */
    public long moveDoneUs() { return moveDoneUs; }

    public double memMb() { return function.gpuMemMb(); }

    /** true for a tenant's entry in a shared (Kernel-as-a-Service) worker: created by a kernel load and a data upload. */
    public boolean shared() { return shared; }

    @Override
    public String toString() {
        return "container#" + id + "(" + function.name() + " on " + device.name + ", " + location + (busy ? ", busy" : "") + ")";
    }
}
