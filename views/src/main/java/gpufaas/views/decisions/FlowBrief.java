package gpufaas.views.decisions;

import gpufaas.engine.policy.FlowState;

/** A flow as it stood right after a decision: its start tag, queue, invocations in flight and state. */
public record FlowBrief(String function, double startTag, int queued, int inFlight, FlowState state) {}
