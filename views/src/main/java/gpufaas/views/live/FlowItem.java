package gpufaas.views.live;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of the flows table, kept from frame to frame: the table's items never change while the
 * flows stay the same, only each row's {@link #line()} does, so a frame updates the visible cells
 * in place instead of rebuilding them.
 */
public final class FlowItem {
    private final ReadOnlyObjectWrapper<FlowLine> line = new ReadOnlyObjectWrapper<>();

    FlowItem(FlowLine l) {
        line.set(l);
    }

    public ReadOnlyObjectProperty<FlowLine> line() {
        return line.getReadOnlyProperty();
    }

    public FlowLine get() {
        return line.get();
    }

    void set(FlowLine l) {
        if (!l.equals(line.get())) line.set(l);
    }
}
