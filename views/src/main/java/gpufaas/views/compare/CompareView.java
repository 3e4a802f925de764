package gpufaas.views.compare;

import gpufaas.views.latency.LatencyCharts;
import gpufaas.views.latency.LatencyCurves;
import gpufaas.views.style.ViewStyle;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Compare tab: policy check boxes, Compare and Cancel, the table of results and the
 * overlaid CDF and rolling-latency charts of the finished runs.
 */
public final class CompareView extends BorderPane {
    private final CompareViewModel vm;
    private final ViewStyle style;
    private final JFreeChart cdf = LatencyCharts.cdf();
    private final JFreeChart rolling = LatencyCharts.rolling();
    private long drawn = -1;
    private long drawnStyle = -1;

    /**
     * @param onCompare starts the comparison (the window supplies the experiment being edited)
     * @param onOverlay puts the finished runs into the Latency tab's overlays
     */
    public CompareView(CompareViewModel vm, ViewStyle style, List<String> policies, Runnable onCompare,
                       Runnable onOverlay) {
        this.vm = vm;
        this.style = style;
        setId("compare-view");
        FlowPane boxes = new FlowPane(12, 6);
        for (String p : policies) {
            CheckBox cb = new CheckBox(p);
            cb.setId("compare-" + p);
            cb.setSelected(vm.chosen.contains(p));
            cb.selectedProperty().addListener((o, a, b) -> {
                if (b && !vm.chosen.contains(p)) vm.chosen.add(p);
                if (!b) vm.chosen.remove(p);
            });
            vm.chosen.addListener((javafx.collections.ListChangeListener<String>) c -> cb.setSelected(vm.chosen.contains(p)));
            boxes.getChildren().add(cb);
        }
        Button run = new Button("Compare");
        run.setId("compare-run");
        run.setDefaultButton(false);
        run.setOnAction(e -> onCompare.run());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.running.not());
        Button overlay = new Button("Show in Latency tab");
        overlay.setOnAction(e -> onOverlay.run());
        Label status = new Label();
        status.textProperty().bind(vm.status);
        status.setWrapText(true);
        Label explain = new Label("Runs the experiment in the panel on the left once per chosen policy, to the end, "
                + "in the background on all cores. Same workload, devices, seed and parameters (those a policy does not declare are ignored).");
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");
        HBox buttons = new HBox(8, run, cancel, overlay, status);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, explain, boxes, buttons);
        top.setPadding(new Insets(8));
        setTop(top);

        TableView<CompareRow> table = new TableView<>(vm.rows);
        table.setId("compare-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No comparison yet."));
        table.getColumns().setAll(List.of(
                text("policy", CompareRow::policy, 140),
                num("mean (s)", r -> r.meanMs() / 1000, 2),
                num("p50 (s)", r -> r.p50Ms() / 1000, 2),
                num("p99 (s)", r -> r.p99Ms() / 1000, 2),
                num("cold %", CompareRow::coldPct, 1),
                num("GPU util %", CompareRow::utilizationPct, 1),
                num("fairness (Jain)", CompareRow::fairness, 3),
                text("status", CompareRow::status, 160)));
        table.setPrefHeight(220);

        GridPane charts = new GridPane();
        charts.setHgap(6);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        charts.getColumnConstraints().addAll(half, half);
        ChartViewer a = new ChartViewer(cdf);
        ChartViewer b = new ChartViewer(rolling);
        a.setMinSize(100, 100);
        b.setMinSize(100, 100);
        charts.add(a, 0, 0);
        charts.add(b, 1, 0);
        javafx.scene.layout.RowConstraints full = new javafx.scene.layout.RowConstraints();
        full.setVgrow(Priority.ALWAYS);
        full.setPercentHeight(100);
        charts.getRowConstraints().add(full);
        SplitPane split = new SplitPane(table, charts);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        setCenter(split);
        refresh();
    }

    private static TableColumn<CompareRow, String> text(String title, Function<CompareRow, String> f, double w) {
        TableColumn<CompareRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    private static TableColumn<CompareRow, Number> num(String title, Function<CompareRow, Double> f, int digits) {
        TableColumn<CompareRow, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        c.setCellFactory(col -> {
            TableCell<CompareRow, Number> cell = new TableCell<>() {
                @Override
                protected void updateItem(Number v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null || Double.isNaN(v.doubleValue()) ? (empty ? null : "–")
                            : String.format(Locale.ROOT, "%,." + digits + "f", v.doubleValue()));
                }
            };
            cell.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            return cell;
        });
        c.setPrefWidth(100);
        return c;
    }

    /** Redraws the charts when results changed (FX thread). */
    public void refresh() {
        if (drawn == vm.revision() && drawnStyle == style.revision()) return;
        drawn = vm.revision();
        drawnStyle = style.revision();
        List<LatencyCurves> runs = new ArrayList<>();
        for (CompareResult r : vm.results()) runs.add(r.curves().withLabel(r.policy()));
        LatencyCharts.fillCdf(cdf, runs, style);
        LatencyCharts.fillRolling(rolling, runs, style);
    }
}
