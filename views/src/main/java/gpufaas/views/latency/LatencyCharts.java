package gpufaas.views.latency;

import gpufaas.views.style.ChartStyle;
import gpufaas.views.style.ViewStyle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;

/**
 * The latency charts (rolling mean and p99, CDF, per-function bars) built with JFreeChart and
 * filled from {@link LatencyCurves}. A fill happens between {@code setNotify(false)} and
 * {@code setNotify(true)}, so one frame's changes cost one redraw. Used by the Latency and Compare tabs.
 */
public final class LatencyCharts {
    /** The per-function chart names its functions up to this many; past it the names are left off. */
    static final int MAX_LABELLED_FUNCTIONS = 60;

    private LatencyCharts() { }

    public static JFreeChart rolling() {
        XYPlot plot = new XYPlot(new XYSeriesCollection(), axis("simulated time (s)"), axis("end-to-end latency (s)"),
                new XYLineAndShapeRenderer(true, false));
        JFreeChart c = new JFreeChart("Rolling mean (solid) and p99 (dashed)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return c;
    }

    public static JFreeChart cdf() {
        LogAxis x = new LogAxis("end-to-end latency (s, log scale)");
        x.setSmallestValue(1e-3);
        x.setAutoRangeMinimumSize(1e-3);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1.0));
        x.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)));
        x.setMinorTickMarksVisible(true);
        NumberAxis y = axis("share of invocations");
        y.setRange(0, 1.01);
        y.setAutoRange(false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), x, y, new XYLineAndShapeRenderer(true, false));
        return new JFreeChart("Latency CDF", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    public static JFreeChart bars() {
        CategoryAxis x = new CategoryAxis("function");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setMaximumCategoryLabelLines(1);
        BarRenderer r = new BarRenderer();
        r.setDefaultToolTipGenerator(new org.jfree.chart.labels.StandardCategoryToolTipGenerator(
                "{1}: {2} s ({0})", java.text.NumberFormat.getNumberInstance(java.util.Locale.ROOT)));
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.02);
        CategoryPlot plot = new CategoryPlot(new DefaultCategoryDataset(), x, axis("mean end-to-end latency (s)"), r);
        plot.setOrientation(PlotOrientation.VERTICAL);
        return new JFreeChart("Per function: mean latency", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(true);
        return a;
    }

    public static void fillRolling(JFreeChart chart, List<LatencyCurves> runs, ViewStyle style) {
        chart.setNotify(false);
        try {
            XYPlot plot = chart.getXYPlot();
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            int i = 0;
            for (LatencyCurves c : runs) {
                XYSeries mean = new XYSeries(c.label() + " mean", false, true);
                XYSeries p99 = new XYSeries(c.label() + " p99", false, true);
                for (int k = 0; k < c.timeS().length; k++) {
                    mean.add(c.timeS()[k], c.meanMs()[k] / 1000.0, false);
                    p99.add(c.timeS()[k], c.p99Ms()[k] / 1000.0, false);
                }
                data.addSeries(mean);
                data.addSeries(p99);
                for (int s = 0; s < 2; s++) {
                    r.setSeriesPaint(2 * i + s, ChartStyle.series(i, style.dark()));
                    r.setSeriesStroke(2 * i + s, ChartStyle.line(style.scale(), s == 1));
                }
                i++;
            }
            plot.setDataset(data);
            plot.setRenderer(r);
            ChartStyle.apply(chart, style);
        } finally {
            chart.setNotify(true);
        }
    }

    public static void fillCdf(JFreeChart chart, List<LatencyCurves> runs, ViewStyle style) {
        chart.setNotify(false);
        try {
            XYPlot plot = chart.getXYPlot();
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            int i = 0;
            for (LatencyCurves c : runs) {
                XYSeries s = new XYSeries(c.label(), false, true);
                for (int k = 0; k < c.cdfMs().length; k++) s.add(Math.max(1e-3, c.cdfMs()[k] / 1000.0), c.cdfShare()[k], false);
                data.addSeries(s);
                r.setSeriesPaint(i, ChartStyle.series(i, style.dark()));
                r.setSeriesStroke(i, ChartStyle.line(style.scale(), false));
                i++;
            }
            plot.setDataset(data);
            plot.setRenderer(r);
            ChartStyle.apply(chart, style);
        } finally {
            chart.setNotify(true);
        }
    }

    public static void fillBars(JFreeChart chart, List<LatencyCurves> runs, ViewStyle style) {
        chart.setNotify(false);
        try {
            CategoryPlot plot = chart.getCategoryPlot();
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            BarRenderer r = (BarRenderer) plot.getRenderer();
            int i = 0;
            for (LatencyCurves c : runs) {
                for (LatencyCurves.FunctionLatency f : c.functions()) data.addValue(f.meanMs() / 1000.0, c.label(), f.function());
                r.setSeriesPaint(i, ChartStyle.series(i, style.dark()));
                i++;
            }
            plot.setDataset(data);
            // past a few dozen functions the names overlap and cannot be read; drawing them costs more than the
            // bars (each rotated label is measured and drawn as text): then the axis says how many there are and
            // a bar's tooltip names its function
            int n = data.getColumnCount();
            CategoryAxis x = plot.getDomainAxis();
            x.setTickLabelsVisible(n <= MAX_LABELLED_FUNCTIONS);
            x.setLabel(n <= MAX_LABELLED_FUNCTIONS ? "function" : String.format(java.util.Locale.ROOT,
                    "%d functions (too many to name here: hover a bar)", n));
            ChartStyle.apply(chart, style);
            LegendTitle l = chart.getLegend();
            if (l != null) l.setVisible(runs.size() > 1);
        } finally {
            chart.setNotify(true);
        }
    }
}
