package gpufaas.engine.model;

import java.util.List;
import java.util.function.Supplier;

/**
 * Functions plus a factory of arrival streams (a factory, so one workload can be replayed under
 * several policies). Function ids must be 0..n-1 in list order.
 */
public record Workload(String name, List<FunctionSpec> functions, Supplier<ArrivalSource> arrivals) {

    public Workload {
        functions = List.copyOf(functions);
        for (int i = 0; i < functions.size(); i++) {
            if (functions.get(i).id() != i) {
                throw new IllegalArgumentException(
                        "function ids must be dense: " + functions.get(i).name() + " has id "
                                + functions.get(i).id() + " at position " + i);
            }
        }
    }

    public FunctionSpec function(String name) {
        for (FunctionSpec f : functions) if (f.name().equals(name)) return f;
        return null;
    }
}
