package gpufaas.engine.run;

import gpufaas.engine.admission.Admission;
import gpufaas.engine.admission.Verdict;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.placement.Placement;
import gpufaas.engine.placement.Target;
import java.util.ArrayDeque;

/**
 * An arrival's way to a queue: admission control (admit, reject, or park until it allows), then
 * placement on the GPUs or the CPU pool, then the side's policy; a rejection ends the invocation
 * with its reason. Admission control also has the last word before an invocation starts
 * ({@link #dropAtDispatch}).
 */
final class AdmissionStage {
    private final Admission admission;
    private final Placement placement;
    private final EngineEstimates estimates;
    private final Engine engine;
    /** invocations parked by admission control (defer), oldest first */
    private final ArrayDeque<Invocation> parked = new ArrayDeque<>();

    AdmissionStage(Admission admission, Placement placement, EngineEstimates estimates, Engine engine) {
        this.admission = admission;
        this.placement = placement;
        this.estimates = estimates;
        this.engine = engine;
    }

    /** A new arrival. */
    void arrived(Invocation inv) {
        Verdict v = admission.onArrival(inv, estimates);
        switch (v.kind()) {
            case REJECT -> engine.end(inv, Outcome.REJECTED, v.reason());
            case DEFER -> parked.add(inv);
            case ADMIT -> admit(inv);
        }
        releaseParked();
    }

    /** Lets parked invocations in while admission control allows it. */
    void releaseParked() {
        while (!parked.isEmpty() && admission.releaseDeferred(estimates)) admit(parked.poll());
    }

    /** The reason to drop {@code inv} instead of starting it on {@code kind}, or null to start it. */
    String dropAtDispatch(Invocation inv, Target kind) {
        return admission.dropAtDispatch(inv, kind, estimates);
    }

    int parked() {
        return parked.size();
    }

    /** Ends every parked invocation as failed: the run stopped before it could run. */
    void failParked(String reason) {
        while (!parked.isEmpty()) engine.end(parked.poll(), Outcome.FAILED, "not run: " + reason);
    }

    /** Placement, then the queue of the chosen side. */
    private void admit(Invocation inv) {
        Target t = placement.place(inv, estimates);
        Side side = engine.sides().of(t);
        if (side == null) {
            engine.end(
                    inv,
                    Outcome.REJECTED,
                    t == Target.REJECT
                            ? placement.rejectReason(inv)
                            : "placement chose " + t + " but the server has no such device");
            return;
        }
        inv.plannedMs = estimates.serviceMs(inv.fn(), t);
        if (Double.isInfinite(inv.plannedMs)) inv.plannedMs = 0;
        side.enqueue(inv);
        engine.dispatcher().dispatch(side);
    }
}
