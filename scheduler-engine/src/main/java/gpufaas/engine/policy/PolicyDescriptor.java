package gpufaas.engine.policy;

import gpufaas.engine.device.MemoryMode;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.param.Params;

import java.util.List;
import java.util.function.Function;

/**
 * A policy's name, aliases (Ilúvatar's names), one-paragraph description, declared parameters,
 * the GPU memory management it runs with unless {@code memory} is set, and factory: the one place
 * the CLI listing, the GUI's parameter editor and the docs read.
 */
public record PolicyDescriptor(String name, List<String> aliases, String description,
                               List<ParamSpec> params, MemoryMode memory, Function<Params, Policy> factory) {

    public PolicyDescriptor {
        aliases = List.copyOf(aliases);
        params = List.copyOf(params);
    }

    public boolean answersTo(String key) {
        if (name.equalsIgnoreCase(key)) return true;
        for (String a : aliases) if (a.equalsIgnoreCase(key)) return true;
        return false;
    }
}
