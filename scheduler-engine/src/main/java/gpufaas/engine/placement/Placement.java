package gpufaas.engine.placement;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.param.Params;
import java.util.List;

/** Chooses GPU or CPU (or rejection) for an arriving invocation. */
@FunctionalInterface
public interface Placement {
    Target place(Invocation inv, Estimates est);

    /** Why an invocation was rejected at placement (written to its row). */
    default String rejectReason(Invocation inv) {
        return "no device kind can meet its deadline";
    }

    /** true for placements that depend on the moment (deadlines, load), false for fixed per-function ones. */
    default boolean dynamic() {
        return false;
    }

    /**
     * Builds a registered placement from its parameters for a workload's functions (it may check
     * up front that the functions it sends to the CPU pool have CPU timings).
     */
    @FunctionalInterface
    interface Factory {
        Placement create(Params params, List<FunctionSpec> functions);
    }
}
