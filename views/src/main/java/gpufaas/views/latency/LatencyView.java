package gpufaas.views.latency;

import gpufaas.views.style.ViewStyle;
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
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

import java.util.List;
import java.util.Locale;

/**
 * The Latency tab: rolling mean and p99 over simulated time, the CDF and per-function bars for
 * the live run and the runs kept for overlay. Charts are refilled at most a few times a second,
 * and only while the tab shows.
 */
public final class LatencyView extends BorderPane {
    /** Charts are refilled at most this often unless forced (JFreeChart repaints the whole chart each time). */
    private static final long MIN_REFRESH_NANOS = 2_000_000_000L;

    private final LatencyViewModel vm;
    private final ViewStyle style;
    private final JFreeChart rolling = LatencyCharts.rolling();
    private final JFreeChart cdf = LatencyCharts.cdf();
    private final JFreeChart bars = LatencyCharts.bars();
    private final Label info = new Label();
    private long drawn = -1;
    private long drawnStyle = -1;
    private long lastDraw;
    /** a refill in progress while playing: its data, and the chart to fill next */
    private List<LatencyCurves> staged;
    private int next;

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
        HBox bar = new HBox(8, keep, clear, info);
        bar.setAlignment(Pos.CENTER_LEFT);
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
     * Refills the charts if the data changed (FX thread): forced, all three at once; otherwise at
     * most every two seconds, one chart per frame (each refill redraws its chart on the FX thread).
     */
    public void refresh(boolean force) {
        long now = System.nanoTime();
        if (force) {
            staged = null;
        } else if (staged != null) {
            fill(staged, next++);
            if (next == 3) staged = null;
            return;
        }
        if (!force && now - lastDraw < MIN_REFRESH_NANOS) return;
        if (drawn == vm.revision() && drawnStyle == style.revision()) return;
        drawn = vm.revision();
        drawnStyle = style.revision();
        lastDraw = now;
        List<LatencyCurves> runs = vm.drawn();
        LatencyCurves c = vm.current();
        info.setText(String.format(Locale.ROOT, "%,d completed in the live run · rolling window %.0f s · %d kept for overlay",
                c.completed(), c.windowS(), vm.overlays().size()));
        if (force) {
            for (int i = 0; i < 3; i++) fill(runs, i);
            return;
        }
        fill(runs, 0);
        staged = runs;
        next = 1;
    }

    private void fill(List<LatencyCurves> runs, int chart) {
        switch (chart) {
            case 0 -> LatencyCharts.fillRolling(rolling, runs, style);
            case 1 -> LatencyCharts.fillCdf(cdf, runs, style);
            default -> LatencyCharts.fillBars(bars, runs, style);
        }
    }

    public JFreeChart rollingChart() { return rolling; }

    public JFreeChart cdfChart() { return cdf; }

    public JFreeChart barsChart() { return bars; }
}
