package gpufaas.engine.placement;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.param.Params;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A placement's name, description, parameters and factory. {@code needsCpu} says which functions
 * it may send to the CPU, so a run can check up front that they have CPU timings and cores exist.
 */
public record PlacementDescriptor(String name, List<String> aliases, String description, List<ParamSpec> params,
                                  BiFunction<Params, List<FunctionSpec>, Placement> factory) {
    public PlacementDescriptor {
        aliases = List.copyOf(aliases);
        params = List.copyOf(params);
    }

    public boolean answersTo(String key) {
        if (name.equalsIgnoreCase(key)) return true;
        for (String a : aliases) if (a.equalsIgnoreCase(key)) return true;
        return false;
    }
}
