package gpufaas.engine.model;

/** How an invocation found its container when it was dispatched. */
public enum StartType {
    /** container alive, memory on the device: execution only. */
    WARM("warm"),
    /** container alive, memory on the host: prefetch the footprint, then execute. */
    GPU_COLD("gpu_cold"),
    /** no container: create one (and attach the GPU), initialise, then execute. */
    COLD("cold"),
    /** ran on CPU cores with CPU timings. */
    CPU("cpu");

    private final String label;

    StartType(String label) {
        this.label = label;
    }

    /** The name written in {@code invocations.csv}. */
    public String label() {
        return label;
    }
}
