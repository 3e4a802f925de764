package gpufaas.engine.device;

/** Container and memory events of {@link Residency}. */
public interface ResidencyListener {
    default void containerCreated(Container c) {}

    default void containerRemoved(Container c, boolean evicted) {}

    default void memoryMoved(Container c, MemoryLocation from, MemoryLocation to) {}
}
