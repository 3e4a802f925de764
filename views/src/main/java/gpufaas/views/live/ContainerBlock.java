package gpufaas.views.live;

import gpufaas.engine.device.MemoryLocation;

/** One container on a device for the residency map: its function, footprint, where its memory is, and whether it runs. */
public record ContainerBlock(long id, int fn, String function, double memMb, MemoryLocation location, boolean busy) {}
