package gpufaas.engine.param;

import java.util.List;
import java.util.Locale;

/**
 * A declared parameter: its name, type, default, allowed range or choices, help text and the
 * aliases it is also known by (Ilúvatar's knob names, for users who cross-check).
 */
public record ParamSpec(
        String name,
        ParamType type,
        String defaultValue,
        double min,
        double max,
        List<String> choices,
        String help,
        List<String> aliases) {

    public ParamSpec {
        choices = choices == null ? List.of() : List.copyOf(choices);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        parse(type, min, max, choices, defaultValue); // the default itself must be valid
    }

    public static ParamSpec ofInt(String name, int def, int min, int max, String help, String... aliases) {
        return new ParamSpec(name, ParamType.INT, Integer.toString(def), min, max, null, help, List.of(aliases));
    }

    public static ParamSpec ofDouble(String name, double def, double min, double max, String help, String... aliases) {
        return new ParamSpec(name, ParamType.DOUBLE, fmt(def), min, max, null, help, List.of(aliases));
    }

    public static ParamSpec ofBoolean(String name, boolean def, String help, String... aliases) {
        return new ParamSpec(name, ParamType.BOOLEAN, Boolean.toString(def), 0, 1, null, help, List.of(aliases));
    }

    public static ParamSpec ofChoice(String name, String def, List<String> choices, String help, String... aliases) {
        return new ParamSpec(name, ParamType.CHOICE, def, 0, 0, choices, help, List.of(aliases));
    }

    public static ParamSpec ofTtl(String name, String def, String help, String... aliases) {
        return new ParamSpec(name, ParamType.TTL, def, 0, Double.MAX_VALUE, null, help, List.of(aliases));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    public boolean answersTo(String key) {
        if (name.equalsIgnoreCase(key)) return true;
        for (String a : aliases) if (a.equalsIgnoreCase(key)) return true;
        return false;
    }

    /** Parses and validates a value; throws IllegalArgumentException with a user-facing reason. */
    public Object parse(String raw) {
        return parse(type, min, max, choices, raw);
    }

    private static Object parse(ParamType type, double min, double max, List<String> choices, String raw) {
        String v = raw == null ? "" : raw.trim();
        try {
            switch (type) {
                case INT -> {
                    long x = Long.parseLong(v);
                    checkRange(x, min, max);
                    return (int) x;
                }
                case DOUBLE -> {
                    double x = Double.parseDouble(v);
                    if (Double.isNaN(x) || Double.isInfinite(x)) throw new NumberFormatException();
                    checkRange(x, min, max);
                    return x;
                }
                case BOOLEAN -> {
                    String l = v.toLowerCase(Locale.ROOT);
                    if (l.equals("true") || l.equals("on") || l.equals("yes") || l.equals("1")) return true;
                    if (l.equals("false") || l.equals("off") || l.equals("no") || l.equals("0")) return false;
                    throw new IllegalArgumentException("expected true/false, got '" + v + "'");
                }
                case CHOICE -> {
                    for (String c : choices) if (c.equalsIgnoreCase(v)) return c;
                    throw new IllegalArgumentException(
                            "expected one of " + String.join(", ", choices) + ", got '" + v + "'");
                }
                case TTL -> {
                    return Ttl.parse(v);
                }
                default -> throw new IllegalStateException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + v + "' is not a valid " + describeType(type));
        }
    }

    private static void checkRange(double x, double min, double max) {
        if (x < min || x > max) {
            throw new IllegalArgumentException(fmt(x) + " is out of range [" + fmt(min) + ", " + fmt(max) + "]");
        }
    }

    public String describeType() {
        return describeType(type);
    }

    private static String describeType(ParamType type) {
        return switch (type) {
            case INT -> "integer";
            case DOUBLE -> "number";
            case BOOLEAN -> "boolean";
            case CHOICE -> "choice";
            case TTL -> "time-to-live (e.g. 2s, 500ms, 1.5xIAT)";
        };
    }

    /** "[min, max]" or the choices, for listings. */
    public String describeRange() {
        return switch (type) {
            case INT, DOUBLE -> "[" + fmt(min) + ", " + fmt(max) + "]";
            case BOOLEAN -> "true|false";
            case CHOICE -> String.join("|", choices);
            case TTL -> "seconds or αxIAT";
        };
    }
}
