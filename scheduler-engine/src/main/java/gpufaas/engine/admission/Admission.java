package gpufaas.engine.admission;

import gpufaas.engine.model.Invocation;
import gpufaas.engine.param.Params;
import gpufaas.engine.placement.Estimates;
import gpufaas.engine.placement.Target;

/**
 * Admission control, a layer over any ordering policy: it may reject an invocation at arrival,
 * park it (defer) until the engine asks again, or drop it when it is about to be dispatched.
 * Every rejected or dropped invocation ends with its reason; none disappears.
 */
public interface Admission {

    Verdict onArrival(Invocation inv, Estimates est);

    /** Called when {@code inv} is about to start on {@code kind}: null to let it run, else why it is dropped. */
    default String dropAtDispatch(Invocation inv, Target kind, Estimates est) {
        return null;
    }

    /** true when a parked invocation may enter the queues now. */
    default boolean releaseDeferred(Estimates est) {
        return true;
    }

    /** Builds a registered admission control from its parameters. */
    @FunctionalInterface
    interface Factory {
        Admission create(Params params);
    }
}
