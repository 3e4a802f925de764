package gpufaas.views.style;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeping words whole from 1024×700 up and in presenter mode: controls that keep the width their
 * text needs, rows that wrap onto a second line instead of cutting words off, and table columns
 * as wide as their title and cells.
 */
public final class Legible {
    private Legible() {}

    /** {@code nodes} (labels, buttons, boxes) never get narrower than their text needs. */
    public static void keepWidth(Region... nodes) {
        for (Region n : nodes) n.setMinWidth(Region.USE_PREF_SIZE);
    }

    /**
     * A row of controls that wraps onto further lines when the window is too narrow for it; the
     * labelled ones among {@code children} keep their full text.
     */
    public static FlowPane row(double gap, Node... children) {
        FlowPane p = new FlowPane(gap, 4, children);
        p.setAlignment(Pos.CENTER_LEFT);
        p.setRowValignment(VPos.CENTER);
        for (Node c : children) if (c instanceof Labeled l) l.setMinWidth(Region.USE_PREF_SIZE);
        return p;
    }

    /**
     * Makes every column of {@code table} at least as wide as its title and its cells (as
     * {@code cellText} writes them, in the table's own font): called on every layout, it follows
     * the rows and presenter mode's larger font. The table scrolls sideways when they do not fit.
     */
    public static <T> void fitColumns(TableView<T> table) {
        fitColumns(table, c -> item -> {
            var v = c.getCellObservableValue(item);
            return v == null || v.getValue() == null ? "" : String.valueOf(v.getValue());
        });
    }

    /** As {@link #fitColumns(TableView)}, with the text each column writes for a row ({@code null}: its title alone). */
    public static <T> void fitColumns(TableView<T> table, Function<TableColumn<T, ?>, Function<T, String>> cellText) {
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.needsLayoutProperty().addListener((o, a, b) -> {
            if (!b) fit(table, cellText);
        });
    }

    private static <T> void fit(TableView<T> table, Function<TableColumn<T, ?>, Function<T, String>> cellText) {
        Node header = table.lookup(".column-header .label");
        Node cell = table.lookup(".table-cell");
        Font headerFont = header instanceof Labeled l ? l.getFont() : Font.getDefault();
        Font cellFont = cell instanceof Labeled l ? l.getFont() : headerFont;
        double pad = headerFont.getSize() * 2;
        for (TableColumn<T, ?> c : table.getColumns()) {
            String title = c.getText() != null ? c.getText() : c.getGraphic() instanceof Labeled l ? l.getText() : "";
            double w = width(title, headerFont) + pad;
            Function<T, String> f = cellText.apply(c);
            if (f != null) {
                for (T item : table.getItems()) w = Math.max(w, width(f.apply(item), cellFont) + pad);
            }
            w = Math.ceil(w);
            if (c.getMinWidth() != w) c.setMinWidth(w);
            if (c.getPrefWidth() < w) c.setPrefWidth(w);
        }
    }

    /**
     * A choice box never gets narrower than its current value needs (not its longest choice, which
     * may be much wider): the value shown is never cut.
     */
    public static void keepValueWidth(ComboBox<?> c) {
        Runnable fit = () -> {
            Object v = c.getValue();
            String text = v == null
                    ? (c.getPromptText() == null ? "" : c.getPromptText())
                    : c.getConverter() != null ? toText(c, v) : String.valueOf(v);
            Font font = Font.getDefault();
            Node cell = c.lookup(".list-cell");
            double cellPad = 0;
            if (cell instanceof Labeled l) {
                font = l.getFont();
                cellPad = l.getInsets().getLeft() + l.getInsets().getRight();
            }
            Node arrow = c.lookup(".arrow-button");
            double arrowW = arrow instanceof Region r && r.getWidth() > 0 ? r.getWidth() : 2 * font.getSize();
            if (cellPad == 0) cellPad = 1.4 * font.getSize();
            double own = c.getInsets().getLeft() + c.getInsets().getRight();
            c.setMinWidth(Math.ceil(width(text, font) + cellPad + arrowW + own + 4));
        };
        c.valueProperty().addListener((o, a, b) -> fit.run());
        c.skinProperty()
                .addListener((o, a, b) -> Platform.runLater(() -> {
                    // the shown cell's font (presenter mode) and the arrow's width follow the style sheet
                    if (c.lookup(".list-cell") instanceof Labeled l)
                        l.fontProperty().addListener((x, y, z) -> fit.run());
                    if (c.lookup(".arrow-button") instanceof Region r)
                        r.widthProperty().addListener((x, y, z) -> fit.run());
                    fit.run();
                }));
        fit.run();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String toText(ComboBox c, Object v) {
        return c.getConverter().toString(v);
    }

    /**
     * Keeps every part of a vertical split pane at least its least height: a split pane set to
     * fixed proportions otherwise centres a part that needs more than its share and cuts it at the
     * top and bottom. Checked after each layout; a divider moves only when a part is too short.
     */
    public static void keepLeastHeights(SplitPane split) {
        split.needsLayoutProperty().addListener((o, a, b) -> {
            if (b) return;
            var items = split.getItems();
            if (items.size() < 2) return;
            double divider = 6;
            // the split pane's own least height ignores that its parts' depend on the width (wrapping rows): say it
            double total = divider * (items.size() - 1);
            for (var it : items) total += it.minHeight(split.getWidth());
            if (Math.abs(split.getMinHeight() - total) > 0.5) {
                split.setMinHeight(total);
                // set during a layout pass: the scroll pane around it lays out again on the next pulse
                Platform.runLater(() -> {
                    for (Parent p = split; p != null; p = p.getParent()) p.requestLayout();
                });
                return;
            }
            double h = split.getHeight();
            if (h <= 0) return;
            double[] pos = split.getDividerPositions();
            double top = 0;
            boolean moved = false;
            for (int i = 0; i < pos.length; i++) {
                double least = (top + items.get(i).minHeight(split.getWidth()) + divider) / h;
                double room = 0;
                for (int j = i + 1; j < items.size(); j++) room += items.get(j).minHeight(split.getWidth()) + divider;
                double most = 1 - room / h;
                double p = Math.min(Math.max(pos[i], least), Math.max(least, most));
                if (Math.abs(p - pos[i]) > 1e-4) {
                    pos[i] = p;
                    moved = true;
                }
                top = pos[i] * h;
            }
            if (moved) split.setDividerPositions(pos);
        });
    }

    /**
     * {@code split} inside a vertical scroll pane that fits its width and height: on a short window
     * each part keeps its least height ({@link #keepLeastHeights}) and the whole scrolls.
     */
    public static ScrollPane scrollingSplit(SplitPane split, String id) {
        keepLeastHeights(split);
        ScrollPane scroll = new ScrollPane(split);
        scroll.setId(id);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    /** The width of {@code s} in {@code font}. */
    public static double width(String s, Font font) {
        if (s == null || s.isEmpty()) return 0;
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }
}
