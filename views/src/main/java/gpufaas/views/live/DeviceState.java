package gpufaas.views.live;

import java.util.List;

/**
 * One device at one instant: name, kind (GPU, MIG instance or CPU pool), memory capacity and use,
 * tokens in use out of D_max, counters of evictions, swaps and prefetches, and its containers.
 */
public record DeviceState(int index, String name, String kind, double memoryMb, double usedMb, int inFlight, int dMax,
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
