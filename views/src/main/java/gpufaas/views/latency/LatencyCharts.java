package gpufaas.views.latency;

import gpufaas.views.style.ChartStyle;
import gpufaas.views.style.ViewStyle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.labels.StandardCategoryToolTipGenerator;
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

/**
 * The latency charts (rolling mean and p99, CDF, per-function bars) built with JFreeChart and
 * filled from {@link LatencyCurves}. A fill happens between {@code setNotify(false)} and
 * {@code setNotify(true)}, so one frame's changes cost one redraw; the line charts' series are
 * updated in place. Used by the Latency and Compare tabs.
 */
public final class LatencyCharts {
    /** The per-function chart names its functions up to this many; past it the names are left off. */
    static final int MAX_LABELLED_FUNCTIONS = 60;

    private LatencyCharts() {}

    public static JFreeChart rolling() {
        XYPlot plot = new XYPlot(
                new XYSeriesCollection(),
                axis("simulated time (s)"),
                axis("end-to-end latency (s)"),
                new XYLineAndShapeRenderer(true, false));
        JFreeChart c =
                new JFreeChart("Rolling mean (solid) and p99 (dashed)", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return c;
    }

    public static JFreeChart cdf() {
        LogAxis x = new LogAxis("end-to-end latency (s, log scale)");
        x.setSmallestValue(1e-3);
        x.setAutoRangeMinimumSize(1e-3);
        x.setTickUnit(new NumberTickUnit(1.0));
        x.setNumberFormatOverride(new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)));
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
        r.setDefaultToolTipGenerator(
                new StandardCategoryToolTipGenerator("{1}: {2} s ({0})", NumberFormat.getNumberInstance(Locale.ROOT)));
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
            List<String> keys = new ArrayList<>();
            for (LatencyCurves c : runs) {
                keys.add(c.label() + " mean");
                keys.add(c.label() + " p99");
            }
            XYSeriesCollection data = series(plot, keys);
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
            int i = 0;
            for (LatencyCurves c : runs) {
                refill(data.getSeries(2 * i), c.timeS(), c.meanMs(), 1e-3, false);
                refill(data.getSeries(2 * i + 1), c.timeS(), c.p99Ms(), 1e-3, false);
                for (int s = 0; s < 2; s++) {
                    r.setSeriesPaint(2 * i + s, ChartStyle.series(i, style.dark()), false);
                    r.setSeriesStroke(2 * i + s, ChartStyle.line(style.scale(), s == 1), false);
                }
                i++;
            }
            ChartStyle.apply(chart, style);
        } finally {
            chart.setNotify(true);
        }
    }

    public static void fillCdf(JFreeChart chart, List<LatencyCurves> runs, ViewStyle style) {
        chart.setNotify(false);
        try {
            XYPlot plot = chart.getXYPlot();
            List<String> keys = new ArrayList<>();
            for (LatencyCurves c : runs) keys.add(c.label());
            XYSeriesCollection data = series(plot, keys);
            XYLineAndShapeRenderer r = (XYLineAndShapeRenderer) plot.getRenderer();
            int i = 0;
            for (LatencyCurves c : runs) {
                refill(data.getSeries(i), c.cdfMs(), c.cdfShare(), 1, true);
                r.setSeriesPaint(i, ChartStyle.series(i, style.dark()), false);
                r.setSeriesStroke(i, ChartStyle.line(style.scale(), false), false);
                i++;
            }
            ChartStyle.apply(chart, style);
        } finally {
            chart.setNotify(true);
        }
    }

    /**
     * The plot's series collection when it holds exactly the series named {@code keys} (updated in
     * place), else a new one with them, set on the plot with a fresh renderer.
     */
    private static XYSeriesCollection series(XYPlot plot, List<String> keys) {
        if (plot.getDataset() instanceof XYSeriesCollection old && old.getSeriesCount() == keys.size()) {
            boolean same = true;
            for (int i = 0; i < keys.size() && same; i++)
                same = old.getSeriesKey(i).equals(keys.get(i));
            if (same) return old;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        for (String k : keys) data.addSeries(new XYSeries(k, false, true));
        plot.setDataset(data);
        plot.setRenderer(new XYLineAndShapeRenderer(true, false));
        return data;
    }

    /**
     * Replaces a series' points with ({@code x[k]}, {@code y[k]} × {@code yScale}) as one change;
     * with {@code cdf} the x values are latencies in ms drawn in seconds on a log axis (at least 1 ms).
     */
    private static void refill(XYSeries s, double[] x, double[] y, double yScale, boolean cdf) {
        s.setNotify(false);
        s.clear();
        for (int k = 0; k < x.length; k++) {
            if (cdf) s.add(Math.max(1e-3, x[k] / 1000.0), y[k], false);
            else s.add(x[k], y[k] * yScale, false);
        }
        s.setNotify(true);
    }

    /**
     * A fingerprint of what the rolling chart shows, to a resolution finer than a pixel (values to
     * 0.2 %): equal fingerprints draw the same picture, so a refill can be skipped.
     */
    static long rollingKey(List<LatencyCurves> runs, long styleRevision) {
        long h = styleRevision;
        for (LatencyCurves c : runs) {
            h = mix(h, c.label().hashCode());
            h = mix(h, c.timeS().length);
            for (int k = 0; k < c.timeS().length; k++) {
                h = mix(mix(mix(h, level(c.timeS()[k])), level(c.meanMs()[k])), level(c.p99Ms()[k]));
            }
        }
        return h;
    }

    /** The same for the CDF. */
    static long cdfKey(List<LatencyCurves> runs, long styleRevision) {
        long h = styleRevision;
        for (LatencyCurves c : runs) {
            h = mix(h, c.label().hashCode());
            for (int k = 0; k < c.cdfMs().length; k++) h = mix(mix(h, level(c.cdfMs()[k])), level(c.cdfShare()[k]));
        }
        return h;
    }

    /** The same for the per-function bars. */
    static long barsKey(List<LatencyCurves> runs, long styleRevision) {
        long h = styleRevision;
        for (LatencyCurves c : runs) {
            h = mix(h, c.label().hashCode());
            for (LatencyCurves.FunctionLatency f : c.functions())
                h = mix(mix(h, f.function().hashCode()), level(f.meanMs()));
        }
        return h;
    }

    /** {@code v} on a logarithmic scale in steps of 0.2 % (sub-pixel on these charts' axes); NaN and 0 have their own levels. */
    static long level(double v) {
        if (Double.isNaN(v)) return Long.MIN_VALUE;
        if (v == 0) return Long.MIN_VALUE + 1;
        return Math.round(Math.log(Math.abs(v)) / 0.002) * (v < 0 ? -1 : 1);
    }

    private static long mix(long h, long v) {
        long x = (h ^ v) * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }

    public static void fillBars(JFreeChart chart, List<LatencyCurves> runs, ViewStyle style) {
        chart.setNotify(false);
        try {
            CategoryPlot plot = chart.getCategoryPlot();
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            BarRenderer r = (BarRenderer) plot.getRenderer();
            int i = 0;
            for (LatencyCurves c : runs) {
                for (LatencyCurves.FunctionLatency f : c.functions())
                    data.addValue(f.meanMs() / 1000.0, c.label(), f.function());
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
            x.setLabel(
                    n <= MAX_LABELLED_FUNCTIONS
                            ? "function"
                            : String.format(Locale.ROOT, "%d functions (too many to name here: hover a bar)", n));
            ChartStyle.apply(chart, style);
            LegendTitle l = chart.getLegend();
            if (l != null) l.setVisible(runs.size() > 1);
        } finally {
            chart.setNotify(true);
        }
    }
}
