package gpufaas.workload.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import gpufaas.engine.model.BadInputException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a JSON document's keys against the records it will be bound to, before binding. Jackson
 * buffers unknown keys of records until their constructor has run, so a misspelt key would
 * otherwise be reported as a missing or invalid one; this pass reports it first, with its own line.
 * A sealed interface accepts the keys of all its records plus its type property (the binding then
 * checks the keys of the chosen record); one whose type Jackson deduces from the keys (no type
 * property) needs keys that all belong to one of its records, and at least one.
 */
public final class KnownKeys {
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private KnownKeys() {}

    /** Throws a {@link BadInputException} at the first key {@code root} has no place for. */
    public static void check(byte[] json, Class<?> root, String source) {
        check(json, root, source, Set.of());
    }

    /** As {@link #check(byte[], Class, String)}, also accepting {@code extraRootKeys} at the top level. */
    public static void check(byte[] json, Class<?> root, String source, Set<String> extraRootKeys) {
        ObjectMapper m = JsonMappers.strict();
        try (JsonParser p = m.getFactory().createParser(json)) {
            if (p.nextToken() == null) return;
            scan(p, m.getTypeFactory().constructType(root), "", source, extraRootKeys);
        } catch (JsonProcessingException e) {
            throw JacksonErrors.toBadInput(e, source);
        } catch (IOException e) {
            throw BadInputException.of(source, e.getMessage());
        }
    }

    /** As {@link #check(byte[], Class, String)} for a tree (a sweep point); errors have no line. */
    public static void check(JsonNode tree, Class<?> root, String source) {
        ObjectMapper m = JsonMappers.strict();
        try (JsonParser p = tree.traverse(m)) {
            if (p.nextToken() == null) return;
            scan(p, m.getTypeFactory().constructType(root), "", source, Set.of());
        } catch (JsonProcessingException e) {
            throw JacksonErrors.toBadInput(e, source);
        } catch (IOException e) {
            throw BadInputException.of(source, e.getMessage());
        }
    }

    /**
     * For a sealed interface whose record Jackson deduces from the keys: "give exactly one of" its
     * records' keys ({@code a, b with c, d}); null for any other type.
     */
    public static String oneOf(Class<?> cls) {
        if (!deduced(cls)) return null;
        List<String> kinds = new ArrayList<>();
        for (Class<?> sub : cls.getPermittedSubclasses())
            kinds.add(String.join(" with ", properties(sub).keySet()));
        return "give exactly one of: " + String.join(", ", kinds);
    }

    private static boolean deduced(Class<?> cls) {
        JsonTypeInfo info = cls.getAnnotation(JsonTypeInfo.class);
        return cls.isSealed() && info != null && info.use() == JsonTypeInfo.Id.DEDUCTION;
    }

    private static void scan(JsonParser p, JavaType type, String path, String source) throws IOException {
        scan(p, type, path, source, Set.of());
    }

    private static void scan(JsonParser p, JavaType type, String path, String source, Set<String> extra)
            throws IOException {
        JsonToken t = p.currentToken();
        if (deduced(type.getRawClass()) && t != JsonToken.START_OBJECT && t != JsonToken.VALUE_NULL) {
            throw new BadInputException(
                    source,
                    p.currentTokenLocation().getLineNr(),
                    path.isEmpty() ? null : path,
                    t == JsonToken.START_ARRAY ? JacksonErrors.LIST_IS_AXIS : "expected an object");
        }
        if (t == JsonToken.START_ARRAY) {
            JavaType element = type.isContainerType() ? type.getContentType() : null;
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (element == null) p.skipChildren();
                else scan(p, element, path + "[" + i + "]", source);
                i++;
            }
            return;
        }
        if (t != JsonToken.START_OBJECT) return;
        if (type.isMapLikeType()) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                scan(p, type.getContentType(), join(path, key), source);
            }
            return;
        }
        Map<String, JavaType> known = properties(type.getRawClass());
        if (!extra.isEmpty()) {
            known = new LinkedHashMap<>(known);
            for (String k : extra) known.put(k, null);
        }
        if (known.isEmpty()) {
            p.skipChildren();
            return;
        }
        long line = p.currentTokenLocation().getLineNr();
        List<String> present = new ArrayList<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            present.add(key);
            JavaType child = known.get(key);
            if (!known.containsKey(key)) {
                List<String> names = new ArrayList<>(known.keySet());
                names.sort(null);
                throw new BadInputException(
                        source,
                        p.currentLocation().getLineNr(),
                        join(path, key),
                        "unknown key '" + key + "'; known keys: " + String.join(", ", names));
            }
            p.nextToken();
            if (child == null) p.skipChildren();
            else scan(p, child, join(path, key), source);
        }
        Class<?> raw = type.getRawClass();
        if (deduced(raw) && !oneRecordHolds(raw, present)) {
            throw new BadInputException(source, line, path.isEmpty() ? null : path, oneOf(raw));
        }
    }

    private static boolean oneRecordHolds(Class<?> sealed, List<String> keys) {
        if (keys.isEmpty()) return false;
        for (Class<?> sub : sealed.getPermittedSubclasses()) {
            if (properties(sub).keySet().containsAll(keys)) return true;
        }
        return false;
    }

    private static final ClassValue<Map<String, JavaType>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, JavaType> computeValue(Class<?> cls) {
            return Collections.unmodifiableMap(compute(cls));
        }
    };

    /** JSON name → type of the properties of a record, or of all records of a sealed interface (computed once per class). */
    static Map<String, JavaType> properties(Class<?> cls) {
        return PROPERTIES.get(cls);
    }

    private static Map<String, JavaType> compute(Class<?> cls) {
        Map<String, JavaType> out = new LinkedHashMap<>();
        if (cls.isRecord()) {
            for (RecordComponent rc : cls.getRecordComponents()) {
                JsonProperty jp = rc.getAccessor().getAnnotation(JsonProperty.class);
                String name = jp != null && !jp.value().isEmpty() ? jp.value() : SNAKE.translate(rc.getName());
                out.put(name, JsonMappers.strict().getTypeFactory().constructType(rc.getGenericType()));
            }
        } else if (cls.isSealed()) {
            JsonTypeInfo info = cls.getAnnotation(JsonTypeInfo.class);
            if (info != null && !info.property().isEmpty()) out.put(info.property(), null);
            for (Class<?> sub : cls.getPermittedSubclasses()) out.putAll(properties(sub));
        }
        return out;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
