package gpufaas.views.decisions;

import gpufaas.engine.model.StartType;
import java.util.List;

/**
 * One dispatch decision, copied on the engine thread the moment the engine reports it: which
 * invocation went to which device, how it found its container (warm, GPU-cold, cold, CPU), how
 * long it queued, and the policy's state right after the choice: the global virtual time V, the
 * over-run bound T, the chosen flow's start tag, the flows still backlogged and the throttled
 * ones (at most {@link #MAX_FLOWS} of each; {@code flowsOmitted} counts the rest), and the
 * device's memory and tokens, and the {@link DecisionContext} (the gate, the other devices, the
 * function's estimates).
 *
 * @param seq sequence number of the decision in its run, from 1
 */
public record DecisionRecord(
        long seq,
        long timeUs,
        long invocation,
        int fn,
        String function,
        String device,
        StartType startType,
        double queueMs,
        String policy,
        double virtualTime,
        double overrun,
        double startTag,
        List<FlowBrief> backlogged,
        List<FlowBrief> throttled,
        int flowsOmitted,
        double deviceUsedMb,
        double deviceMemoryMb,
        int deviceContainersOnHost,
        int deviceInFlight,
        int deviceDMax,
        DecisionContext context) {
    public static final int MAX_FLOWS = 12;

    public DecisionRecord {
        backlogged = List.copyOf(backlogged);
        throttled = List.copyOf(throttled);
        if (context == null) context = DecisionContext.NONE;
    }

    /** A decision without context. */
    public DecisionRecord(
            long seq,
            long timeUs,
            long invocation,
            int fn,
            String function,
            String device,
            StartType startType,
            double queueMs,
            String policy,
            double virtualTime,
            double overrun,
            double startTag,
            List<FlowBrief> backlogged,
            List<FlowBrief> throttled,
            int flowsOmitted,
            double deviceUsedMb,
            double deviceMemoryMb,
            int deviceContainersOnHost,
            int deviceInFlight,
            int deviceDMax) {
        this(
                seq,
                timeUs,
                invocation,
                fn,
                function,
                device,
                startType,
                queueMs,
                policy,
                virtualTime,
                overrun,
                startTag,
                backlogged,
                throttled,
                flowsOmitted,
                deviceUsedMb,
                deviceMemoryMb,
                deviceContainersOnHost,
                deviceInFlight,
                deviceDMax,
                DecisionContext.NONE);
    }

    /** When the invocation arrived (µs). */
    public long arrivalUs() {
        return timeUs - Math.round(queueMs * 1000);
    }

    public boolean hasTags() {
        return !Double.isNaN(virtualTime);
    }
}
