package gpufaas.views.live;

import gpufaas.engine.policy.FlowState;

/**
 * One flow as the Live tab shows it: queue length, invocations in flight, state and the virtual
 * start and finish tags (NaN for policies without tags).
 */
public record FlowRow(
        int fn, String function, int queued, int inFlight, FlowState state, double startTag, double finishTag) {}
