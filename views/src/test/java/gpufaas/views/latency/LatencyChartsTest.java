package gpufaas.views.latency;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.style.ViewStyle;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class LatencyChartsTest {
    private final ViewStyle style = new ViewStyle();

    private static LatencyCurves curves(String label, double scale) {
        return new LatencyCurves(
                label,
                10,
                new double[] {1, 2, 3},
                new double[] {100 * scale, 200 * scale, 300 * scale},
                new double[] {1000 * scale, 2000 * scale, 3000 * scale},
                new double[] {50 * scale, 400 * scale},
                new double[] {0.5, 1.0},
                List.of(
                        new LatencyCurves.FunctionLatency("f", 3, 200 * scale, 300 * scale),
                        new LatencyCurves.FunctionLatency("g", 2, 500 * scale, 600 * scale)),
                5);
    }

    @Test
    void fillRolling_overlayAndLiveRun_meanAndP99InSecondsUpdatedInPlace() {
        JFreeChart chart = LatencyCharts.rolling();
        List<LatencyCurves> runs = List.of(curves("kept", 1), curves("live", 2));
        LatencyCharts.fillRolling(chart, runs, style);
        XYDataset data = chart.getXYPlot().getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(4);
        assertThat(data.getSeriesKey(0)).isEqualTo("kept mean");
        assertThat(data.getSeriesKey(3)).isEqualTo("live p99");
        assertThat(data.getYValue(0, 2)).isEqualTo(0.3);
        assertThat(data.getYValue(3, 1)).isEqualTo(4.0);
        LatencyCharts.fillRolling(chart, List.of(curves("kept", 1), curves("live", 3)), style);
        assertThat(chart.getXYPlot().getDataset())
                .as("same series: refilled in place")
                .isSameAs(data);
        assertThat(data.getYValue(3, 1)).isEqualTo(6.0);
        LatencyCharts.fillRolling(chart, List.of(curves("live", 3)), style);
        assertThat(chart.getXYPlot().getDataset().getSeriesCount())
                .as("overlay cleared")
                .isEqualTo(2);
        assertThat(chart.getXYPlot().getDataset().getSeriesKey(0)).isEqualTo("live mean");
    }

    @Test
    void fillCdfAndBars_everyRun() {
        JFreeChart cdf = LatencyCharts.cdf();
        LatencyCharts.fillCdf(cdf, List.of(curves("a", 1), curves("b", 1)), style);
        XYSeriesCollection d = (XYSeriesCollection) cdf.getXYPlot().getDataset();
        assertThat(d.getSeriesCount()).isEqualTo(2);
        assertThat(d.getXValue(1, 1)).isEqualTo(0.4);
        assertThat(d.getYValue(1, 1)).isEqualTo(1.0);
        JFreeChart bars = LatencyCharts.bars();
        LatencyCharts.fillBars(bars, List.of(curves("a", 1), curves("b", 2)), style);
        CategoryPlot p = bars.getCategoryPlot();
        assertThat(p.getDataset().getValue("b", "g").doubleValue()).isEqualTo(1.0);
        assertThat(p.getDataset().getRowCount()).isEqualTo(2);
    }

    @Test
    void keys_changeWithWhatTheChartsShowOnly() {
        List<LatencyCurves> a = List.of(curves("live", 1));
        assertThat(LatencyCharts.rollingKey(a, 0)).isEqualTo(LatencyCharts.rollingKey(List.of(curves("live", 1)), 0));
        assertThat(LatencyCharts.rollingKey(a, 0))
                .as("a move far below a pixel (0.001 %)")
                .isEqualTo(LatencyCharts.rollingKey(List.of(curves("live", 1.00001)), 0));
        assertThat(LatencyCharts.rollingKey(a, 0))
                .isNotEqualTo(LatencyCharts.rollingKey(List.of(curves("live", 1.02)), 0));
        assertThat(LatencyCharts.rollingKey(a, 0)).as("a new style").isNotEqualTo(LatencyCharts.rollingKey(a, 1));
        assertThat(LatencyCharts.cdfKey(a, 0)).isEqualTo(LatencyCharts.cdfKey(List.of(curves("live", 1.00001)), 0));
        assertThat(LatencyCharts.cdfKey(a, 0)).isNotEqualTo(LatencyCharts.cdfKey(List.of(curves("live", 1.05)), 0));
        assertThat(LatencyCharts.barsKey(a, 0)).isNotEqualTo(LatencyCharts.barsKey(List.of(curves("live", 1.05)), 0));
        assertThat(LatencyCharts.barsKey(a, 0))
                .as("an overlay")
                .isNotEqualTo(LatencyCharts.barsKey(List.of(curves("kept", 1), curves("live", 1)), 0));
    }
}
