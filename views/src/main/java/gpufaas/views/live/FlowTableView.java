package gpufaas.views.live;

import gpufaas.engine.policy.FlowState;
import gpufaas.views.style.ViewStyle;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * One row per flow: the function (with its colour), its state as a coloured chip with the state
 * written out and a shape (● Active, ‖ Throttled, ○ Inactive), the queue as a number and a bar,
 * invocations in flight, and a lane with the band [V, V+T], V as a line and the flow's start tag S
 * as a diamond.
 */
public final class FlowTableView extends TableView<FlowItem> {
    private final ViewStyle style;

    public FlowTableView(LiveViewModel vm, ViewStyle style) {
        super(vm.flows);
        this.style = style;
        getStyleClass().add("flow-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No flows yet: load an experiment and press Play or Step."));
        setFixedCellSize(Math.round(26 * style.scale()));

        TableColumn<FlowItem, FlowLine> fn = column("Function", 150);
        fn.setCellFactory(c -> new FunctionCell());
        fn.setId("flow-function");

        TableColumn<FlowItem, FlowLine> state = column("State", 120);
        state.setCellFactory(c -> new StateCell());

        TableColumn<FlowItem, FlowLine> queue = column("Queue", 130);
        queue.setCellFactory(c -> new CanvasCell(this::drawQueue));
        TableColumn<FlowItem, FlowLine> inFlight = column("In flight", 80);
        inFlight.setCellFactory(c -> {
            TableCell<FlowItem, FlowLine> cell = new TableCell<>() {
                private int shown = -1;

                @Override
                protected void updateItem(FlowLine item, boolean empty) {
                    super.updateItem(item, empty);
                    int n = empty || item == null ? -1 : item.flow().inFlight();
                    if (n != shown) {
                        shown = n;
                        setText(n < 0 ? null : Integer.toString(n));
                    }
                }
            };
            cell.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            return cell;
        });
        TableColumn<FlowItem, FlowLine> lane = column("Start tag S against V (band: V to V+T)", 380);
        lane.setCellFactory(c -> new CanvasCell(this::drawLane));
        getColumns().setAll(java.util.List.of(fn, state, queue, inFlight, lane));
    }

    static String stateText(FlowState s) { return FunctionPalette.stateText(s); }

    private static final Color[] STATE_COLOURS = {Color.web(FunctionPalette.ACTIVE), Color.web(FunctionPalette.THROTTLED),
        Color.web(FunctionPalette.INACTIVE)};
    private final java.util.Map<Integer, Color> colours = new java.util.HashMap<>();

    private Color colour(int fn) {
        return colours.computeIfAbsent(fn, f -> Color.web(FunctionPalette.colour(f)));
    }

    /** After a change of font scale: row height and cells follow. */
    public void restyle() {
        setFixedCellSize(Math.round(26 * style.scale()));
        refresh();
    }

    private static TableColumn<FlowItem, FlowLine> column(String title, double width) {
        TableColumn<FlowItem, FlowLine> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> f.getValue().line());
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    private void drawQueue(GraphicsContext g, FlowLine item) {
        double w = g.getCanvas().getWidth();
        double h = g.getCanvas().getHeight();
        int q = item.flow().queued();
        g.setFont(style.font(12));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setFill(style.text());
        double numW = 44 * style.scale();
        g.fillText(Integer.toString(q), numW - 4, h / 2);
        double barW = (w - numW - 4) * Math.min(1, (double) q / Math.max(1, item.maxQueue()));
        g.setFill(colour(item.flow().fn()));
        if (q > 0) g.fillRect(numW, h * 0.2, Math.max(2, barW), h * 0.6);
    }

    private void drawLane(GraphicsContext g, FlowLine item) {
        double w = g.getCanvas().getWidth();
        double h = g.getCanvas().getHeight();
        TagScale sc = item.scale();
        g.setFont(style.font(11));
        g.setTextBaseline(VPos.CENTER);
        if (sc == null || Double.isNaN(item.virtualTime())) {
            g.setFill(style.muted());
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText("no virtual time: this policy keeps no tags", 4, h / 2);
            return;
        }
        double v = item.virtualTime();
        double t = Double.isNaN(item.overrun()) ? 0 : item.overrun();
        double pad = 4;
        double span = w - 2 * pad - 70 * style.scale();
        double xv = pad + sc.share(v) * span;
        double xt = pad + sc.share(v + t) * span;
        g.setFill(style.band());
        g.fillRect(xv, 2, Math.max(1, xt - xv), h - 4);
        g.setStroke(style.strong());
        g.setLineWidth(2);
        g.strokeLine(xv, 1, xv, h - 1);
        g.setStroke(style.muted());
        g.setLineWidth(1);
        g.setLineDashes(3, 3);
        g.strokeLine(xt, 1, xt, h - 1);
        g.setLineDashes((double[]) null);
        double s = item.flow().startTag();
        boolean backlogged = item.flow().queued() + item.flow().inFlight() > 0;
        if (!Double.isNaN(s) && (backlogged || item.flow().state() != FlowState.INACTIVE)) {
            double xs = pad + sc.share(s) * span;
            double r = Math.min(h / 2 - 2, 7 * style.scale());
            double[] px = {xs - r, xs, xs + r, xs};
            double[] py = {h / 2, h / 2 - r, h / 2, h / 2 + r};
            if (item.flow().queued() > 0) {
                g.setFill(STATE_COLOURS[item.flow().state().ordinal()]);
                g.fillPolygon(px, py, 4);
                g.setStroke(style.strong());
                g.setLineWidth(1);
            } else {
                // not backlogged (nothing queued): its tag does not take part in V; drawn hollow
                g.setStroke(STATE_COLOURS[item.flow().state().ordinal()]);
                g.setLineWidth(2);
            }
            g.strokePolygon(px, py, 4);
        }
        g.setFill(style.text());
        g.setTextAlign(TextAlignment.RIGHT);
        String txt = Double.isNaN(s) ? "" : String.format(Locale.ROOT, "S %.2f", s);
        g.fillText(txt, w - 2, h / 2);
    }

    /** The function's colour and name; nodes made once per cell. */
    private static final class FunctionCell extends TableCell<FlowItem, FlowLine> {
        private final Region chip = new Region();
        private final Label name = new Label();
        private final HBox box = new HBox(6, chip, name);
        private int fn = -1;

        FunctionCell() {
            chip.setMinSize(12, 12);
            chip.setPrefSize(12, 12);
            chip.setMaxSize(12, 12);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setText(null);
        }

        @Override
        protected void updateItem(FlowLine item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            if (item.flow().fn() != fn) {
                fn = item.flow().fn();
                chip.setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(
                        Color.web(FunctionPalette.colour(fn)), null, null)));
                chip.setBorder(new javafx.scene.layout.Border(new javafx.scene.layout.BorderStroke(Color.web("#1b1f24"),
                        javafx.scene.layout.BorderStrokeStyle.SOLID, null, javafx.scene.layout.BorderWidths.DEFAULT)));
            }
            if (!item.flow().function().equals(name.getText())) name.setText(item.flow().function());
            if (getGraphic() != box) setGraphic(box);
        }
    }

    /** The state as a chip: colour and text and shape; the colour comes from a pseudo-class. */
    private static final class StateCell extends TableCell<FlowItem, FlowLine> {
        private static final javafx.css.PseudoClass ACTIVE = javafx.css.PseudoClass.getPseudoClass("active");
        private static final javafx.css.PseudoClass THROTTLED = javafx.css.PseudoClass.getPseudoClass("throttled");
        private static final javafx.css.PseudoClass INACTIVE = javafx.css.PseudoClass.getPseudoClass("inactive");
        private final Label chip = new Label();
        private FlowState shown;

        StateCell() {
            chip.getStyleClass().add("state-chip");
            setText(null);
        }

        @Override
        protected void updateItem(FlowLine item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            FlowState s = item.flow().state();
            if (s != shown) {
                shown = s;
                chip.setText(stateText(s));
                chip.pseudoClassStateChanged(ACTIVE, s == FlowState.ACTIVE);
                chip.pseudoClassStateChanged(THROTTLED, s == FlowState.THROTTLED);
                chip.pseudoClassStateChanged(INACTIVE, s == FlowState.INACTIVE);
            }
            if (getGraphic() != chip) setGraphic(chip);
        }
    }

    /** A table cell that draws its row on a canvas as wide as the column. */
    private final class CanvasCell extends TableCell<FlowItem, FlowLine> {
        private final Canvas canvas = new Canvas();
        private final BiConsumer<GraphicsContext, FlowLine> painter;

        CanvasCell(BiConsumer<GraphicsContext, FlowLine> painter) {
            this.painter = painter;
            canvas.setHeight(20 * style.scale());
            canvas.widthProperty().addListener((o, a, b) -> paint());
            widthProperty().addListener((o, a, b) -> canvas.setWidth(Math.max(10, b.doubleValue() - 10)));
            setText(null);
        }

        @Override
        protected void updateItem(FlowLine item, boolean empty) {
            super.updateItem(item, empty);
            javafx.scene.Node g = empty || item == null ? null : canvas;
            if (getGraphic() != g) setGraphic(g);
            double h = 20 * style.scale();
            if (canvas.getHeight() != h) canvas.setHeight(h);
            paint();
        }

        private void paint() {
            FlowLine item = getItem();
            GraphicsContext g = canvas.getGraphicsContext2D();
            g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
            if (item != null && !isEmpty()) painter.accept(g, item);
        }
    }
}
