package gpufaas.views.latency;

import gpufaas.views.style.ViewStyle;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Latency tab: rolling mean and p99 over simulated time, the CDF and per-function bars for
 * the live run and the runs kept for overlay. Charts are refilled only while the tab shows, only
 * when their picture changed, and while a run plays one at a time, at most one a second.
 */
public final class LatencyView extends BorderPane {
    /** While a run plays, at most one chart is refilled per this period (each refill redraws its chart on the FX thread). */
    static final long SLOT_NANOS = 1_000_000_000L;
    /** While a run plays, a chart is refilled at most this often. */
    static final long CHART_EVERY_NANOS = 3_000_000_000L;

    private final LatencyViewModel vm;
    private final ViewStyle style;
    private final JFreeChart rolling = LatencyCharts.rolling();
    private final JFreeChart cdf = LatencyCharts.cdf();
    private final JFreeChart bars = LatencyCharts.bars();
    private final Label info = new Label();
    /** the data and style revisions whose pictures all charts show (nothing to refill until either moves) */
    private long seenData = -1;

    private long seenStyle = -1;
    private long lastSlot = Long.MIN_VALUE / 2;
    /** per chart: when it was last refilled, and the fingerprint of what it shows */
    private final long[] filledAt = {Long.MIN_VALUE / 2, Long.MIN_VALUE / 2, Long.MIN_VALUE / 2};

    private final long[] shownKey = {1, 1, 1};
    private int next;
    private long refills;

    public LatencyView(LatencyViewModel vm, ViewStyle style) {
        this.vm = vm;
        this.style = style;
        setId("latency-view");
        Button keep = new Button("Keep this run for overlay");
        keep.setId("keep-run");
        keep.setOnAction(e -> {
            if (!vm.keepCurrent()) info.setText("Nothing to keep yet: no invocation has completed.");
            refresh(true);
        });
        Button clear = new Button("Clear overlays");
        clear.setOnAction(e -> {
            vm.clearOverlays();
            refresh(true);
        });
        keep.setMinWidth(Button.USE_PREF_SIZE);
        clear.setMinWidth(Button.USE_PREF_SIZE);
        info.setWrapText(true);
        info.managedProperty().bind(info.textProperty().isNotEmpty());
        HBox buttons = new HBox(8, keep, clear);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(4, buttons, info);
        bar.setPadding(new Insets(6, 8, 6, 8));
        setTop(bar);

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(4));
        ChartViewer a = new ChartViewer(rolling);
        ChartViewer b = new ChartViewer(cdf);
        ChartViewer c = new ChartViewer(bars);
        grid.add(a, 0, 0);
        grid.add(b, 1, 0);
        grid.add(c, 0, 1, 2, 1);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        half.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(half, half);
        RowConstraints row = new RowConstraints();
        row.setPercentHeight(50);
        row.setVgrow(Priority.ALWAYS);
        grid.getRowConstraints().addAll(row, row);
        for (ChartViewer v : List.of(a, b, c)) {
            v.setMinSize(100, 100);
            v.setPrefSize(300, 200);
        }
        setCenter(grid);
        refresh(true);
    }

    /**
     * Refills the charts whose picture changed (FX thread, once per shown frame while the tab
     * shows). Forced (a run paused, stepped or finished, an overlay kept or cleared, a new style),
     * every changed chart at once. While a run plays, at most one chart per {@link #SLOT_NANOS},
     * each at most every {@link #CHART_EVERY_NANOS}, taking turns; a chart whose data moved by less
     * than it can show (a converged CDF, steady per-function means) is not redrawn.
     */
    public void refresh(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastSlot < SLOT_NANOS) return;
        if (!force && seenData == vm.revision() && seenStyle == style.revision()) return;
        List<LatencyCurves> runs = vm.drawn();
        LatencyCurves c = vm.current();
        info.setText(String.format(
                Locale.ROOT,
                "%,d completed in the live run · rolling window %.0f s · %d kept for overlay",
                c.completed(),
                c.windowS(),
                vm.overlays().size()));
        if (force) {
            seenData = vm.revision();
            seenStyle = style.revision();
            for (int i = 0; i < 3; i++) fillIfChanged(runs, i, now);
            return;
        }
        lastSlot = now;
        int unchanged = 0;
        for (int k = 0; k < 3; k++) {
            int i = (next + k) % 3;
            if (now - filledAt[i] < CHART_EVERY_NANOS) continue;
            if (fillIfChanged(runs, i, now)) {
                next = i + 1;
                return;
            }
            unchanged++;
        }
        if (unchanged == 3) { // nothing to show until the data moves
            seenData = vm.revision();
            seenStyle = style.revision();
        }
    }

    /** Refills chart {@code i} if what it would show differs from what it shows; true when it did. */
    private boolean fillIfChanged(List<LatencyCurves> runs, int i, long now) {
        long key = switch (i) {
            case 0 -> LatencyCharts.rollingKey(runs, style.revision());
            case 1 -> LatencyCharts.cdfKey(runs, style.revision());
            default -> LatencyCharts.barsKey(runs, style.revision());
        };
        if (key == shownKey[i]) return false;
        shownKey[i] = key;
        filledAt[i] = now;
        refills++;
        switch (i) {
            case 0 -> LatencyCharts.fillRolling(rolling, runs, style);
            case 1 -> LatencyCharts.fillCdf(cdf, runs, style);
            default -> LatencyCharts.fillBars(bars, runs, style);
        }
        return true;
    }

    /** How many chart refills this view has made (each one a redraw). */
    public long refills() {
        return refills;
    }

    public JFreeChart rollingChart() {
        return rolling;
    }

    public JFreeChart cdfChart() {
        return cdf;
    }

    public JFreeChart barsChart() {
        return bars;
    }
}
