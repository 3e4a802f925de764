package gpufaas.views.decisions;

import java.util.List;

/**
 * What else was true when a decision was taken, for its explanation, the anomaly flags and the
 * what-if rerun: the chosen device's index, the function's service estimate, weight and the
 * invocation's deadline, the device's containers whose memory was on its way in, the utilization
 * gate's estimate (after this grant) and cap, and the other devices of the same kind with their
 * free tokens and gates.
 *
 * @param serviceMs     the engine's estimate of the function's service on this kind of device (ms)
 * @param deadlineUs    arrival + SLO, or -1 without one
 * @param gateEstimatePct the gate's estimate right after this grant, NaN on a CPU pool
 * @param gateLimitPct  the cap (0 or 100 and above: no gate), NaN on a CPU pool
 */
public record DecisionContext(
        int deviceIndex,
        double serviceMs,
        double weight,
        long deadlineUs,
        int deviceMovingIn,
        double gateEstimatePct,
        double gateLimitPct,
        List<DeviceChoice> otherDevices) {
    /** A decision recorded without context (tests, older records). */
    public static final DecisionContext NONE =
            new DecisionContext(-1, Double.NaN, 1, -1, 0, Double.NaN, Double.NaN, List.of());

    public DecisionContext {
        otherDevices = List.copyOf(otherDevices);
    }

    /** Another device of the same kind at the moment of the decision: its free tokens and whether its gate let a grant through. */
    public record DeviceChoice(int index, String name, int freeTokens, boolean gateOpen) {
        /** Whether the decision could have gone to this device instead. */
        public boolean couldTake() {
            return freeTokens > 0 && gateOpen;
        }
    }

    /** Whether the device has a utilization gate (a cap between 0 and 100 %). */
    public boolean gated() {
        return gateLimitPct > 0 && gateLimitPct < 100;
    }

    /** Whether the gate now withholds the device's next token. */
    public boolean gateClosed() {
        return gated() && gateEstimatePct > gateLimitPct;
    }
}
