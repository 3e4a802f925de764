package gpufaas.workload.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpufaas.engine.model.BadInputException;
import gpufaas.workload.json.JacksonErrors;
import gpufaas.workload.json.JsonMappers;
import gpufaas.workload.json.KnownKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Experiment JSON ↔ {@link ExperimentSpec}. Reading is strict (unknown keys, wrong types and bad
 * values are one {@link BadInputException} with the line and the key's path); writing leaves out
 * absent values, so what it writes reads back to an equal spec.
 */
public final class ExperimentJson {
    private ExperimentJson() {}

    public static ExperimentSpec read(byte[] json, String source) {
        KnownKeys.check(json, ExperimentSpec.class, source);
        try {
            ExperimentSpec spec = JsonMappers.strict().readValue(json, ExperimentSpec.class);
            if (spec == null) throw BadInputException.of(source, "the file is empty; an experiment is a JSON object");
            return spec;
        } catch (JsonProcessingException e) {
            throw JacksonErrors.toBadInput(e, source);
        } catch (IOException e) {
            throw BadInputException.of(source, "cannot read experiment: " + e.getMessage());
        }
    }

    public static ExperimentSpec read(String json, String source) {
        return read(json.getBytes(StandardCharsets.UTF_8), source);
    }

    /** Binds a tree (a sweep point); tree nodes carry no line numbers, so errors name the key only. */
    public static ExperimentSpec fromTree(JsonNode node, String source) {
        KnownKeys.check(node, ExperimentSpec.class, source);
        try {
            ExperimentSpec spec = JsonMappers.strict().treeToValue(node, ExperimentSpec.class);
            if (spec == null) throw BadInputException.of(source, "an experiment is a JSON object");
            return spec;
        } catch (JsonProcessingException e) {
            throw JacksonErrors.toBadInput(e, source);
        } catch (IllegalArgumentException e) {
            throw BadInputException.of(source, e.getMessage());
        }
    }

    /** Parses JSON text into a tree (for sweeps), with the same strictness about syntax. */
    public static ObjectNode readTree(byte[] json, String source) {
        try {
            JsonNode n = JsonMappers.strict().readTree(json);
            if (n == null || !n.isObject()) throw BadInputException.of(source, "an experiment is a JSON object");
            return (ObjectNode) n;
        } catch (JsonProcessingException e) {
            throw JacksonErrors.toBadInput(e, source);
        } catch (IOException e) {
            throw BadInputException.of(source, "cannot read experiment: " + e.getMessage());
        }
    }

    public static String write(ExperimentSpec spec) {
        try {
            return JsonMappers.strict().writeValueAsString(spec) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toTree(ExperimentSpec spec) {
        return JsonMappers.strict().valueToTree(spec);
    }
}
