package gpufaas.engine.admission;

import gpufaas.engine.model.Invocation;

/** Decides at arrival whether an invocation enters the queues. */
@FunctionalInterface
public interface Admission {
    /** null to admit, else the reason the invocation is rejected (written to its row). */
    String rejectReason(Invocation inv);
}
