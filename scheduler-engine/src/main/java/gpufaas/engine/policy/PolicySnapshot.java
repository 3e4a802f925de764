package gpufaas.engine.policy;

import java.util.List;

/**
 * The queues of a policy at one instant: its flows (only those that have ever been used), the
 * global virtual time V and the over-run bound T (NaN for policies without virtual time).
 */
public record PolicySnapshot(double virtualTime, double overrun, List<FlowView> flows) {}
