package gpufaas.views.live;

import java.util.List;

/**
 * One device at one instant: name, kind (GPU, MIG instance or CPU pool), memory capacity and use
 * (of which {@code contextMb} the CUDA contexts of its containers, which stay on the device while a
 * container lives), whether it runs oversubscribed (running invocations need more than it has) and
 * the factor executions started then pay, tokens in use out of D_max, counters of evictions, swaps
 * and prefetches, and its containers.
 */
public record DeviceState(int index, String name, String kind, double memoryMb, double usedMb, double contextMb,
                          boolean oversubscribed, double pagingFactor, int inFlight, int dMax,
                          long evictions, long swapsOut, long prefetches, List<ContainerBlock> containers) {
    public DeviceState {
        containers = List.copyOf(containers);
    }

    public int onDevice() {
        int n = 0;
        for (ContainerBlock c : containers) if (c.location() == gpufaas.engine.device.MemoryLocation.DEVICE) n++;
        return n;
    }
}
