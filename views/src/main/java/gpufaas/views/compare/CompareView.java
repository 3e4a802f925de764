package gpufaas.views.compare;

import gpufaas.views.latency.LatencyCharts;
import gpufaas.views.latency.LatencyCurves;
import gpufaas.views.style.Legible;
import gpufaas.views.style.ViewStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Compare tab: policy check boxes, Compare and Cancel, the table of results with the best
 * value of each measure marked (★), the verdict in a sentence, the published values beside the
 * simulated ones when the experiment is one of the dissertation's, and the overlaid CDF and
 * rolling-latency charts of the finished runs.
 */
public final class CompareView extends BorderPane {
    /** What each measure is, for the table's header tooltips. */
    static final Map<CompareViewModel.Metric, String> HELP = Map.of(
            CompareViewModel.Metric.MEAN, "Mean end-to-end latency (arrival to end) of the completed invocations",
            CompareViewModel.Metric.P50, "Median end-to-end latency",
            CompareViewModel.Metric.P99, "99th percentile of end-to-end latency: the slow tail",
            CompareViewModel.Metric.COLD, "Share of invocations that started a new container (cold starts)",
            CompareViewModel.Metric.UTILIZATION,
                    "GPU utilization as NVML reports it: the share of time at least one kernel "
                            + "ran, averaged over the GPUs (not the share of time a token was held). Higher means busier, which is "
                            + "better only at equal latency.",
            CompareViewModel.Metric.FAIRNESS,
                    "Jain's fairness index over the functions' slowdowns (mean latency ÷ warm "
                            + "time alone): 1 when every function is slowed alike, 1/n when one function takes all the delay.");

    private final CompareViewModel vm;
    private final ViewStyle style;
    private final JFreeChart cdf = LatencyCharts.cdf();
    private final JFreeChart rolling = LatencyCharts.rolling();
    private final TableView<CompareRow> table;
    private long drawn = -1;
    private long drawnStyle = -1;

    /**
     * @param onCompare starts the comparison (the window supplies the experiment being edited)
     * @param onOverlay puts the finished runs into the Latency tab's overlays
     */
    public CompareView(
            CompareViewModel vm, ViewStyle style, List<String> policies, Runnable onCompare, Runnable onOverlay) {
        this.vm = vm;
        this.style = style;
        setId("compare-view");
        FlowPane boxes = new FlowPane(12, 6);
        for (String p : policies) {
            CheckBox cb = new CheckBox(p);
            cb.setId("compare-" + p);
            cb.setMinWidth(CheckBox.USE_PREF_SIZE);
            cb.setSelected(vm.chosen.contains(p));
            cb.selectedProperty().addListener((o, a, b) -> {
                if (b && !vm.chosen.contains(p)) vm.chosen.add(p);
                if (!b) vm.chosen.remove(p);
            });
            vm.chosen.addListener((ListChangeListener<String>) c -> cb.setSelected(vm.chosen.contains(p)));
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
        Legible.keepWidth(run, cancel, overlay);
        Label status = new Label();
        status.setId("compare-status");
        status.textProperty().bind(vm.status);
        status.setWrapText(true);
        Label explain = new Label(
                "Runs the experiment in the panel on the left once per chosen policy, to the end, "
                        + "in the background on all cores. Same workload, devices, seed and parameters (those a policy does not declare are ignored).");
        explain.setWrapText(true);
        explain.getStyleClass().add("muted");
        HBox buttons = new HBox(8, run, cancel, overlay);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, explain, boxes, buttons, status);
        top.setPadding(new Insets(8));
        setTop(top);

        table = new TableView<>(vm.rows);
        table.setId("compare-table");
        table.setPlaceholder(new Label("No comparison yet."));
        List<TableColumn<CompareRow, ?>> columns = new ArrayList<>();
        columns.add(text("policy", CompareRow::policy));
        for (CompareViewModel.Metric m : CompareViewModel.Metric.values()) {
            columns.add(num(m, m == CompareViewModel.Metric.FAIRNESS ? 3 : m.title.endsWith("(s)") ? 2 : 1));
        }
        columns.add(text("status", CompareRow::status));
        table.getColumns().setAll(columns);
        Legible.fitColumns(table, c -> {
            Object metric = c.getUserData();
            if (metric instanceof CompareViewModel.Metric m) {
                int digits = m == CompareViewModel.Metric.FAIRNESS ? 3 : m.title.endsWith("(s)") ? 2 : 1;
                return r -> cellText(vm, r, m, digits);
            }
            return r -> {
                var v = c.getCellObservableValue(r);
                return v == null || v.getValue() == null ? "" : String.valueOf(v.getValue());
            };
        });
        vm.rows.addListener((ListChangeListener<CompareRow>) c -> table.refresh());

        Label verdict = new Label();
        verdict.setId("compare-verdict");
        verdict.textProperty().bind(vm.verdict);
        verdict.setWrapText(true);
        verdict.getStyleClass().add("verdict");
        verdict.managedProperty().bind(vm.verdict.isNotEmpty());
        verdict.visibleProperty().bind(vm.verdict.isNotEmpty());
        verdict.setMinHeight(Label.USE_PREF_SIZE);

        TableView<PublishedValues.PublishedRow> published = new TableView<>(vm.published);
        published.setId("compare-published");
        published
                .getColumns()
                .setAll(List.of(
                        plain("trace", PublishedValues.PublishedRow::row),
                        plain("measure", PublishedValues.PublishedRow::column),
                        plain("published", r -> number(r.published(), r.unit())),
                        plain("this comparison", r -> number(r.simulated(), r.unit())),
                        plain("ratio", r -> String.format(Locale.ROOT, "%.2f", r.ratio())),
                        plain("target", PublishedValues.PublishedRow::target),
                        plain("verdict", PublishedValues.PublishedRow::verdict)));
        Legible.fitColumns(published);
        published.setPrefHeight(200);
        Label publishedNote = new Label();
        publishedNote.setId("compare-published-note");
        publishedNote.textProperty().bind(vm.publishedNote);
        publishedNote.setWrapText(true);
        publishedNote.setMinHeight(Label.USE_PREF_SIZE);
        VBox publishedBox = new VBox(4, publishedNote, published);
        publishedBox.managedProperty().bind(Bindings.isNotEmpty(vm.published));
        publishedBox.visibleProperty().bind(Bindings.isNotEmpty(vm.published));
        VBox results = new VBox(6, table, verdict, publishedBox);
        results.setPadding(new Insets(0, 8, 0, 8));
        VBox.setVgrow(table, Priority.ALWAYS);
        table.setPrefHeight(200);

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
        RowConstraints full = new RowConstraints();
        full.setVgrow(Priority.ALWAYS);
        full.setPercentHeight(100);
        charts.getRowConstraints().add(full);
        ScrollPane resultsScroll = new ScrollPane(results);
        resultsScroll.setFitToWidth(true);
        resultsScroll.setFitToHeight(true);
        SplitPane split = new SplitPane(resultsScroll, charts);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
        refresh();
    }

    private static String number(double v, String unit) {
        if (Double.isNaN(v)) return "–";
        String u = unit.equals("x") ? "×" : unit.equals("%") ? " %" : " " + unit;
        return String.format(Locale.ROOT, "%.2f", v) + u;
    }

    private static <T> TableColumn<T, String> plain(String title, Function<T, String> f) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        c.setSortable(false);
        return c;
    }

    private static TableColumn<CompareRow, String> text(String title, Function<CompareRow, String> f) {
        return plain(title, f);
    }

    /** "★ 4.95" for the best row at {@code m}, "4.95" else, "–" while not done. */
    static String cellText(CompareViewModel vm, CompareRow r, CompareViewModel.Metric m, int digits) {
        double v = m.of(r);
        if (Double.isNaN(v)) return "–";
        String t = String.format(Locale.ROOT, "%,." + digits + "f", v);
        return vm.isBest(r, m) ? "★ " + t : t;
    }

    private TableColumn<CompareRow, CompareRow> num(CompareViewModel.Metric m, int digits) {
        TableColumn<CompareRow, CompareRow> c = new TableColumn<>();
        Label header = new Label(m.title);
        Tooltip tip = new Tooltip(HELP.get(m) + (m.higherBetter ? " Higher is better." : " Lower is better."));
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        header.setTooltip(tip);
        c.setGraphic(header);
        c.setText(null);
        c.setUserData(m);
        c.setId("compare-col-" + m.name().toLowerCase(Locale.ROOT));
        c.setSortable(false);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue()));
        c.setCellFactory(col -> {
            TableCell<CompareRow, CompareRow> cell = new TableCell<>() {
                @Override
                protected void updateItem(CompareRow r, boolean empty) {
                    super.updateItem(r, empty);
                    getStyleClass().remove("best");
                    if (empty || r == null) {
                        setText(null);
                        return;
                    }
                    setText(cellText(vm, r, m, digits));
                    if (vm.isBest(r, m)) getStyleClass().add("best");
                }
            };
            cell.setAlignment(Pos.CENTER_RIGHT);
            return cell;
        });
        return c;
    }

    /** The results table (tests). */
    public TableView<CompareRow> table() {
        return table;
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
