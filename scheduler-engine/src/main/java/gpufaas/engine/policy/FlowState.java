package gpufaas.engine.policy;

/** MQFQ flow states (reference §3); baselines use ACTIVE and INACTIVE only. */
public enum FlowState {
    ACTIVE,
    THROTTLED,
    INACTIVE
}
