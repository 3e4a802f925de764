package gpufaas.workload.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.InvalidFieldException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jackson's exceptions into one {@link BadInputException} with the file, the line (from
 * {@link JsonLocation}) and the field as a path ({@code workload.functions[2].arrival.rate_per_s}),
 * in words a user can act on and without Java type names.
 */
public final class JacksonErrors {
    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");
    /** A list where one value belongs. */
    static final String LIST_IS_AXIS =
            "expected a single value, found a list (lists are sweep axes: run it with the sweep command)";

    private JacksonErrors() {}

    public static BadInputException toBadInput(JsonProcessingException e, String source) {
        long line = line(e.getLocation());
        if (e instanceof JsonParseException) {
            return new BadInputException(source, line, null, "invalid JSON: " + e.getOriginalMessage());
        }
        if (!(e instanceof JsonMappingException m)) {
            return new BadInputException(source, line, null, e.getOriginalMessage());
        }
        String path = path(m);
        if (m instanceof UnrecognizedPropertyException u) {
            return new BadInputException(
                    source, line, path, "unknown key '" + u.getPropertyName() + "'" + known(u.getKnownPropertyIds()));
        }
        Class<?> target = m instanceof InvalidTypeIdException t && t.getBaseType() != null
                ? t.getBaseType().getRawClass()
                : m instanceof MismatchedInputException mi ? mi.getTargetType() : null;
        String oneOf = target == null ? null : KnownKeys.oneOf(target);
        if (oneOf != null)
            return new BadInputException(source, line, path.isEmpty() ? null : path, oneOf); // keys of no one record
        if (m instanceof InvalidTypeIdException t) {
            String id = t.getTypeId();
            return new BadInputException(
                    source,
                    line,
                    join(path, "process"),
                    id == null
                            ? "missing; say which arrival process (poisson, bursty, diurnal, empirical)"
                            : "unknown process '" + id + "'; known: poisson, bursty, diurnal, empirical");
        }
        if (m instanceof ValueInstantiationException && m.getCause() instanceof InvalidFieldException p) {
            return new BadInputException(source, line, join(path, p.field()), p.problem());
        }
        if (m instanceof ValueInstantiationException && m.getCause() instanceof IllegalArgumentException a) {
            return new BadInputException(source, line, path.isEmpty() ? null : path, a.getMessage());
        }
        if (m instanceof InvalidFormatException f) {
            return new BadInputException(
                    source, line, path, "'" + f.getValue() + "' is not " + typeName(f.getTargetType()));
        }
        Matcher missing = MISSING.matcher(m.getOriginalMessage());
        if (missing.find()) {
            return new BadInputException(source, line, join(path, missing.group(1)), "is required");
        }
        if (m instanceof MismatchedInputException mi) {
            if (m.getOriginalMessage().contains(JsonToken.START_ARRAY.name())) {
                if (path.isEmpty())
                    return new BadInputException(source, line, null, "expected a JSON object, found a list");
                return new BadInputException(source, line, path, LIST_IS_AXIS);
            }
            return new BadInputException(
                    source, line, path.isEmpty() ? null : path, "expected " + typeName(mi.getTargetType()));
        }
        return new BadInputException(source, line, path.isEmpty() ? null : path, m.getOriginalMessage());
    }

    /** The JSON path of the exception, e.g. {@code workload.functions[0].arrival}. */
    public static String path(JsonMappingException m) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (b.length() > 0) b.append('.');
                b.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String join(String path, String field) {
        if (path.isEmpty()) return field;
        if (path.endsWith("." + field) || path.equals(field)) return path;
        return path + "." + field;
    }

    private static long line(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 0 ? 0 : loc.getLineNr();
    }

    private static String known(Collection<Object> ids) {
        if (ids == null || ids.isEmpty()) return "";
        List<String> names = new ArrayList<>();
        for (Object o : ids) names.add(String.valueOf(o));
        names.sort(null);
        return "; known keys: " + String.join(", ", names);
    }

    private static String typeName(Class<?> t) {
        if (t == null) return "a valid value";
        if (t == double.class || t == Double.class || t == float.class || t == Float.class) return "a number";
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return "a whole number";
        if (t == boolean.class || t == Boolean.class) return "true or false";
        if (t == String.class) return "a text";
        if (t.isEnum()) {
            List<String> vals = new ArrayList<>();
            for (Object c : t.getEnumConstants()) vals.add(c.toString().toLowerCase(Locale.ROOT));
            return "one of " + String.join(", ", vals);
        }
        if (Collection.class.isAssignableFrom(t) || t.isArray()) return "a list";
        if (Map.class.isAssignableFrom(t)) return "an object";
        return "an object";
    }
}
