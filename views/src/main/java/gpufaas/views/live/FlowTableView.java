package gpufaas.views.live;

import gpufaas.engine.policy.FlowState;
import gpufaas.views.style.ViewStyle;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
public final class FlowTableView extends TableView<FlowLine> {
    private final ViewStyle style;

    public FlowTableView(LiveViewModel vm, ViewStyle style) {
        super(vm.flows);
        this.style = style;
        getStyleClass().add("flow-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No flows yet: load an experiment and press Play or Step."));

        TableColumn<FlowLine, FlowLine> fn = column("Function", 150);
        fn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FlowLine item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Region chip = new Region();
                chip.setMinSize(12, 12);
                chip.setPrefSize(12, 12);
                chip.setMaxSize(12, 12);
                chip.setStyle("-fx-background-color: " + FunctionPalette.colour(item.flow().fn()) + "; -fx-border-color: #1b1f24;");
                Label l = new Label(item.flow().function());
                HBox box = new HBox(6, chip, l);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                setGraphic(box);
                setText(null);
            }
        });
        fn.setId("flow-function");

        TableColumn<FlowLine, FlowLine> state = column("State", 120);
        state.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FlowLine item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                FlowState s = item.flow().state();
                Label chip = new Label(stateText(s));
                chip.getStyleClass().addAll("state-chip", "state-" + s.name().toLowerCase(Locale.ROOT));
                setGraphic(chip);
                setText(null);
            }
        });

        TableColumn<FlowLine, FlowLine> queue = column("Queue", 130);
        queue.setCellFactory(c -> new CanvasCell(this::drawQueue));
        TableColumn<FlowLine, FlowLine> inFlight = column("In flight", 80);
        inFlight.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(FlowLine item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : Integer.toString(item.flow().inFlight()));
                setStyle("-fx-alignment: CENTER-RIGHT;");
            }
        });
        TableColumn<FlowLine, FlowLine> lane = column("Start tag S against virtual time V (band: V to V+T)", 380);
        lane.setCellFactory(c -> new CanvasCell(this::drawLane));
        getColumns().setAll(java.util.List.of(fn, state, queue, inFlight, lane));
    }

    static String stateText(FlowState s) { return FunctionPalette.stateText(s); }

    private static TableColumn<FlowLine, FlowLine> column(String title, double width) {
        TableColumn<FlowLine, FlowLine> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
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
        g.setFill(Color.web(FunctionPalette.colour(item.flow().fn())));
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
            g.setFill(Color.web(FunctionPalette.state(item.flow().state())));
            g.fillPolygon(new double[] {xs - r, xs, xs + r, xs}, new double[] {h / 2, h / 2 - r, h / 2, h / 2 + r}, 4);
            g.setStroke(style.strong());
            g.setLineWidth(1);
            g.strokePolygon(new double[] {xs - r, xs, xs + r, xs}, new double[] {h / 2, h / 2 - r, h / 2, h / 2 + r}, 4);
        }
        g.setFill(style.text());
        g.setTextAlign(TextAlignment.RIGHT);
        String txt = Double.isNaN(s) ? "" : String.format(Locale.ROOT, "S %.2f", s);
        g.fillText(txt, w - 2, h / 2);
    }

    /** A table cell that draws its row on a canvas as wide as the column. */
    private final class CanvasCell extends TableCell<FlowLine, FlowLine> {
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
            setGraphic(empty || item == null ? null : canvas);
            canvas.setHeight(20 * style.scale());
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
