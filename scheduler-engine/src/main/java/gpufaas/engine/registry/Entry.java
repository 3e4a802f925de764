package gpufaas.engine.registry;

import gpufaas.engine.param.ParamSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One choice a run names ({@code --policy}, {@code --placement}, {@code --admission}): its name,
 * the aliases it also answers to (Ilúvatar's names), a one-paragraph description, its declared
 * parameters and what builds it. The command line's listing, the GUI's parameter editor and the
 * docs all read these; the name is written here and nowhere else.
 *
 * @param <F> what builds the chosen thing (a policy, placement or admission factory)
 */
public record Entry<F>(String name, List<String> aliases, String description, List<ParamSpec> params, F factory) {

    public Entry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(factory, "factory");
        aliases = List.copyOf(aliases);
        params = List.copyOf(params);
    }

    /** The name, then the aliases, in lower case. */
    List<String> keys() {
        List<String> out = new ArrayList<>(1 + aliases.size());
        out.add(name.toLowerCase(Locale.ROOT));
        for (String a : aliases) out.add(a.toLowerCase(Locale.ROOT));
        return out;
    }
}
