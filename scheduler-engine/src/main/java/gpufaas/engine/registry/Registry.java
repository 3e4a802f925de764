package gpufaas.engine.registry;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.param.Params;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An explicit, ordered list of {@link Entry entries} of one kind, found by name or alias in any
 * case. Every name and alias answers to exactly one entry (checked when the registry is built).
 *
 * @param <F> what the entries' factories build
 */
public final class Registry<F> {
    private final String kind;
    private final String field;
    private final List<Entry<F>> entries;
    private final Map<String, Entry<F>> byKey = new HashMap<>();

    /**
     * @param kind    what an entry is, in messages ("policy", "admission control")
     * @param field   the option or experiment field that names one ("policy", "admission")
     * @param entries in listing order
     */
    public Registry(String kind, String field, List<Entry<F>> entries) {
        this.kind = kind;
        this.field = field;
        this.entries = List.copyOf(entries);
        for (Entry<F> e : this.entries) {
            for (String k : e.keys()) {
                Entry<F> before = byKey.putIfAbsent(k, e);
                if (before != null && before != e) {
                    throw new IllegalStateException(
                            kind + " registry: '" + k + "' names both " + before.name() + " and " + e.name());
                }
            }
        }
    }

    /** Every entry, in listing order. */
    public List<Entry<F>> all() {
        return entries;
    }

    /** The entries' names, in listing order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(entries.size());
        for (Entry<F> e : entries) out.add(e.name());
        return out;
    }

    /** The entry answering to {@code key} (a name or alias), or a BadInputException listing the known names. */
    public Entry<F> find(String key, String source) {
        Entry<F> e = key == null ? null : byKey.get(key.toLowerCase(Locale.ROOT));
        if (e != null) return e;
        throw new BadInputException(
                source, 0, field, "unknown " + kind + " '" + key + "'; known: " + String.join(", ", names()));
    }

    /** The declaration of parameter {@code key} (name or alias) in any entry, first in listing order, or null. */
    public ParamSpec param(String key) {
        for (Entry<F> e : entries) {
            ParamSpec s = Params.find(e.params(), key);
            if (s != null) return s;
        }
        return null;
    }
}
