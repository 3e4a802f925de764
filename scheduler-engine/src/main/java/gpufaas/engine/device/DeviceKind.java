package gpufaas.engine.device;

/** What executes an invocation. */
public enum DeviceKind {
    GPU,
    CPU
}
