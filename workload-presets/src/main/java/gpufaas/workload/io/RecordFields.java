package gpufaas.workload.io;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * The components of a result record (names in snake_case, values by accessor), so that the CSV and
 * JSON columns follow the engine's records in declaration order without a second list to maintain.
 */
final class RecordFields {
    private final RecordComponent[] components;
    private final List<String> names;

    RecordFields(Class<? extends Record> type) {
        this.components = type.getRecordComponents();
        List<String> n = new ArrayList<>();
        for (RecordComponent c : components) n.add(Csv.snake(c.getName()));
        this.names = List.copyOf(n);
    }

    List<String> names() {
        return names;
    }

    int size() {
        return components.length;
    }

    Class<?> type(int i) {
        return components[i].getType();
    }

    Object value(Record r, int i) {
        try {
            return components[i].getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read " + components[i].getName() + " of "
                            + r.getClass().getSimpleName(),
                    e);
        }
    }
}
