package gpufaas.workload.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * JSON output of result files: trees built in a fixed key order, written with two-space indents,
 * {@code "key": value}, LF line ends on every platform, plain decimals (never exponents) and a final
 * line feed, so equal trees give equal bytes.
 */
final class ResultJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final ObjectWriter WRITER;

    static {
        DefaultIndenter indent = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter(
                        Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indent)
                .withArrayIndenter(indent);
        WRITER = MAPPER.writer(pp);
    }

    private ResultJson() {}

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Puts a double rounded by {@link Num}, or null for NaN and infinities. */
    static void putNumber(ObjectNode o, String key, double v) {
        o.put(key, Num.round(v));
    }

    /** Puts a record component by its Java type: doubles rounded, longs and ints exact, text, booleans. */
    static void putValue(ObjectNode o, String key, Object v) {
        switch (v) {
            case null -> o.putNull(key);
            case Double d -> putNumber(o, key, d);
            case Float f -> putNumber(o, key, f);
            case Long l -> o.put(key, l);
            case Integer i -> o.put(key, i);
            case Boolean b -> o.put(key, b);
            default -> o.put(key, String.valueOf(v));
        }
    }

    static String text(JsonNode n) {
        try {
            return WRITER.writeValueAsString(n) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(JsonNode n, Path file) {
        try {
            Files.writeString(file, text(n), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a JSON file written by this package (or null when it is not readable JSON). */
    static JsonNode readOrNull(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
