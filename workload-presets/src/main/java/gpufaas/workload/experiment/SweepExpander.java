package gpufaas.workload.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpufaas.engine.model.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands a sweep: every list-valued key anywhere in the experiment JSON is an axis, except the
 * list {@code workload.functions} (and everything inside it), {@code iat_ms} lists and the
 * {@code docker.functions} settings (commands are argument lists) — data, not choices. The points are the cartesian product, in a deterministic order: axes in document order,
 * the first axis varying slowest.
 */
public final class SweepExpander {
    private static final String SOURCE = "sweep";

    private SweepExpander() {}

    /** An axis: its dotted path (for labels), the keys leading to it, and its values. */
    public record Axis(String path, List<String> keys, List<JsonNode> values) {}

    public static List<SweepPoint> expand(JsonNode experiment) {
        if (experiment == null || !experiment.isObject())
            throw BadInputException.of(SOURCE, "an experiment is a JSON object");
        List<Axis> axes = axes(experiment);
        List<SweepPoint> points = new ArrayList<>();
        int[] at = new int[axes.size()];
        while (true) {
            ObjectNode point = experiment.deepCopy();
            StringBuilder label = new StringBuilder();
            for (int a = 0; a < axes.size(); a++) {
                JsonNode v = axes.get(a).values().get(at[a]);
                set(point, axes.get(a).keys(), v);
                if (label.length() > 0) label.append(',');
                label.append(axes.get(a).path()).append('=').append(v.isTextual() ? v.asText() : v.toString());
            }
            points.add(new SweepPoint(label.toString(), point));
            int a = axes.size() - 1;
            while (a >= 0 && ++at[a] == axes.get(a).values().size()) at[a--] = 0;
            if (a < 0) return points;
        }
    }

    /** The axes of {@code experiment}, in document order. */
    public static List<Axis> axes(JsonNode experiment) {
        List<Axis> axes = new ArrayList<>();
        collect(experiment, List.of(), axes);
        return axes;
    }

    private static void collect(JsonNode node, List<String> keys, List<Axis> out) {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            List<String> k = new ArrayList<>(keys);
            k.add(e.getKey());
            String p = String.join(".", k);
            JsonNode v = e.getValue();
            if (p.equals("workload.functions")
                    || p.equals("docker.functions")
                    || e.getKey().equals("iat_ms")) continue;
            if (v.isArray()) {
                if (v.isEmpty())
                    throw new BadInputException(SOURCE, 0, p, "empty list: a sweep axis needs at least one value");
                List<JsonNode> values = new ArrayList<>();
                for (JsonNode x : (ArrayNode) v) values.add(x);
                out.add(new Axis(p, List.copyOf(k), List.copyOf(values)));
            } else if (v.isObject()) {
                collect(v, k, out);
            }
        }
    }

    private static void set(ObjectNode root, List<String> keys, JsonNode value) {
        ObjectNode n = root;
        for (int i = 0; i < keys.size() - 1; i++) n = (ObjectNode) n.get(keys.get(i));
        n.set(keys.get(keys.size() - 1), value.deepCopy());
    }
}
