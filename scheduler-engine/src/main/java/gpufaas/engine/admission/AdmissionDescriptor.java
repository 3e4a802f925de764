package gpufaas.engine.admission;

import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.param.Params;

import java.util.List;
import java.util.function.Function;

/** An admission control's name, description, parameters and factory. */
public record AdmissionDescriptor(String name, List<String> aliases, String description, List<ParamSpec> params,
                                  Function<Params, Admission> factory) {
    public AdmissionDescriptor {
        aliases = List.copyOf(aliases);
        params = List.copyOf(params);
    }

    public boolean answersTo(String key) {
        if (name.equalsIgnoreCase(key)) return true;
        for (String a : aliases) if (a.equalsIgnoreCase(key)) return true;
        return false;
    }
}
