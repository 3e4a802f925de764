package gpufaas.workload.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;

/**
 * A record as a JSON tree: its components in declaration order under their snake_case names
 * (nested records, lists and arrays alike, null components left out), so a record's declaration
 * is also its file format.
 */
public final class RecordTree {
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordTree() {}

    public static ObjectNode of(Record r) {
        ObjectNode o = NODES.objectNode();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(
                        "cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
            }
            if (v != null) o.set(SNAKE.translate(c.getName()), node(v));
        }
        return o;
    }

    private static JsonNode node(Object v) {
        return switch (v) {
            case Record r -> of(r);
            case double[] a -> {
                ArrayNode n = NODES.arrayNode();
                for (double d : a) n.add(d);
                yield n;
            }
            case Collection<?> l -> {
                ArrayNode n = NODES.arrayNode();
                for (Object e : l) n.add(node(e));
                yield n;
            }
            case Double d -> NODES.numberNode(d);
            case Integer i -> NODES.numberNode(i);
            case Long l -> NODES.numberNode(l);
            case Boolean b -> NODES.booleanNode(b);
            default -> NODES.textNode(String.valueOf(v));
        };
    }
}
