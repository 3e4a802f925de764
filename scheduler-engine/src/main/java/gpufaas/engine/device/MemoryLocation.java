package gpufaas.engine.device;

/** Where a container's memory is. */
public enum MemoryLocation {
    DEVICE,
    MOVING_IN,
    HOST,
    MOVING_OUT
}
