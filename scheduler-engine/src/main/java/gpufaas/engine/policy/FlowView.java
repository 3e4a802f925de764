package gpufaas.engine.policy;

/**
 * A flow as the UI and tests see it.
 *
 * @param startTag virtual start tag S (NaN for policies without tags)
 */
public record FlowView(
        int fn, String function, int queued, int inFlight, FlowState state, double startTag, double finishTag) {}
