package gpufaas.engine.policy;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import java.util.List;
import java.util.function.LongConsumer;

/** What the engine offers a policy: time, timers, estimates, the memory hook and its summary fields. */
public interface PolicyContext {

    long nowUs();

    List<FunctionSpec> functions();

    /**
     * A timer that runs {@code action} with the time at the moments asked for with
     * {@link Timer#at}; the engine dispatches after each run of the action.
     */
    Timer timer(LongConsumer action);

    /**
     * A policy's timer. Asking for a moment no earlier than one already pending is a no-op (the
     * pending one fires first, and its action re-arms what it still needs); asking for an earlier
     * one arms it too.
     */
    interface Timer {
        void at(long atUs);
    }

    /** Reports a flow's state change; the engine moves the flow's memory as the memory mode says. */
    void flowStateChanged(int fn, FlowState from, FlowState to);

    /** D_max of the devices this policy serves. */
    int dMax();

    /** EWMA of observed execution times of {@code fn} (ms); the declared warm time until the first sample. */
    double serviceEstimateMs(int fn);

    /** Estimated duration (ms) if {@code fn} were dispatched now: warm, GPU-cold or cold by container state. */
    double startEstimateMs(int fn);

    /** true if {@code device} holds an idle container of {@code fn} whose memory is on the device. */
    boolean hasWarmContainer(int fn, Device device);

    /** Mean inter-arrival time of {@code fn} observed so far (µs), NaN before two arrivals. */
    double meanIatUs(int fn);

    /** The devices this policy serves. */
    List<Device> devices();

    /** Estimated finish (µs) of {@code inv} if it started on this policy's devices right now. */
    long finishIfStartedNowUs(Invocation inv);

    /** Price of one device-second on this policy's devices. */
    double pricePerSecond();

    /** Where the policy adds its own summary fields and on-time objectives. */
    PolicyStats stats();
}
