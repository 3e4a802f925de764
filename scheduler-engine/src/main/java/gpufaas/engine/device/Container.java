package gpufaas.engine.device;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;

/**
 * A function's container on one device. Its memory footprint lives on the device, on the host, or
 * on the way; its CUDA context stays on the device while the container lives.
 */
public final class Container {
    public final long id;
    public final FunctionSpec function;
    public final Device device;
    /** the invocation waiting for this container to become ready or for its memory to arrive */
    private Invocation awaiting;
    /** a tenant's kernels and data in a shared KaaS worker rather than a container of its own */
    boolean shared;

    MemoryLocation location;
    boolean busy;
    boolean ready;
    boolean destroyed;
    /** LRU links among the device's idle containers. */
    Container lruPrev;

    Container lruNext;
    boolean inLru;
    /** position in the device's LRU order: larger means appended later */
    long lruSeq;
    /** counted among its device's reclaimable idle containers (in the LRU, memory on the GPU, non-empty) */
    boolean reclaimable;
    /** the LRU position of its latest entry in the device's heap of reclaimable idle containers, or -1 */
    long heapSeq = -1;

    Container(long id, FunctionSpec function, Device device) {
        this.id = id;
        this.function = function;
        this.device = device;
        this.location = MemoryLocation.DEVICE;
    }

    public MemoryLocation location() {
        return location;
    }

    /** {@code inv} waits for this container: its start (a cold start) or its memory (a GPU-cold start). */
    public void await(Invocation inv) {
        awaiting = inv;
    }

    /** The invocation waiting for this container, no longer waiting; null when none was. */
    public Invocation takeAwaiting() {
        Invocation inv = awaiting;
        awaiting = null;
        return inv;
    }

    /** {@code inv} no longer waits for this container (it started, ended or failed). */
    public void stopAwaiting(Invocation inv) {
        if (awaiting == inv) awaiting = null;
    }

    public boolean busy() {
        return busy;
    }

    /** false while the container is still being created */
    public boolean ready() {
        return ready;
    }

    public boolean destroyed() {
        return destroyed;
    }

    public double memMb() {
        return function.gpuMemMb();
    }

    /** true for a tenant's entry in a shared (Kernel-as-a-Service) worker: created by a kernel load and a data upload. */
    public boolean shared() {
        return shared;
    }

    @Override
    public String toString() {
        return "container#" + id + "(" + function.name() + " on " + device.name + ", " + location
                + (busy ? ", busy" : "") + ")";
    }
}
