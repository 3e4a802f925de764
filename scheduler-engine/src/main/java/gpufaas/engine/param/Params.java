package gpufaas.engine.param;

import gpufaas.engine.model.BadInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validated parameter values for a set of declared parameters. Built from raw {@code KEY=VALUE}
 * pairs: an unknown key or a bad value is a {@link BadInputException} naming the key.
 */
public final class Params {
    private final Map<String, Object> values;
    private final Map<String, ParamSpec> specs;

    private Params(Map<String, ParamSpec> specs, Map<String, Object> values) {
        this.specs = specs;
        this.values = values;
    }

    /**
     * Resolves {@code raw} against {@code declared}. Keys may be names or aliases, in any case.
     * @param source what to name in an error ("--param", a file name)
     */
    public static Params resolve(Collection<ParamSpec> declared, Map<String, String> raw, String source) {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : declared) {
            specs.put(p.name(), p);
            values.put(p.name(), p.parse(p.defaultValue()));
        }
        for (Map.Entry<String, String> e : raw.entrySet()) {
            ParamSpec p = find(declared, e.getKey());
            if (p == null) {
                List<String> names = new ArrayList<>();
                for (ParamSpec d : declared) names.add(d.name());
                throw new BadInputException(
                        source, 0, e.getKey(), "unknown parameter; known parameters: " + String.join(", ", names));
            }
            try {
                values.put(p.name(), p.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new BadInputException(source, 0, e.getKey(), ex.getMessage());
            }
        }
        return new Params(specs, values);
    }

    public static ParamSpec find(Collection<ParamSpec> declared, String key) {
        for (ParamSpec p : declared) if (p.answersTo(key)) return p;
        return null;
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getChoice(String name) {
        return (String) get(name);
    }

    public Ttl getTtl(String name) {
        return (Ttl) get(name);
    }

    private Object get(String name) {
        if (!values.containsKey(name)) throw new IllegalArgumentException("undeclared parameter " + name);
        return values.get(name);
    }

    /** All values as text, in declaration order (for manifests). */
    public Map<String, String> asStrings() {
        Map<String, String> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v instanceof Double d ? format(d) : String.valueOf(v)));
        return m;
    }

    public Collection<ParamSpec> specs() {
        return specs.values();
    }

    /** A double as plain decimal text without a trailing ".0" or an exponent. */
    static String format(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
