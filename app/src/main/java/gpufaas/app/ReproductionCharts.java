package gpufaas.app;

import gpufaas.app.ReproductionReport.Row;
import gpufaas.workload.calibration.PublishedResults;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The reproduction's charts as PNG: simulated values as bars or lines, published values as open
 * markers on the same axes (Okabe–Ito colours, one per policy or setting).
 */
final class ReproductionCharts {
    private static final Color[] COLOURS = {
        new Color(0x0072B2),
        new Color(0xD55E00),
        new Color(0x009E73),
        new Color(0xCC79A7),
        new Color(0xE69F00),
        new Color(0x56B4E9)
    };
    private static final int W = 900;
    private static final int H = 520;

    private ReproductionCharts() {}

    /**
     * Writes every chart, each to the path {@code target} gives for its file name; returns the file
     * names written, in order.
     */
    static List<String> write(ReproductionReport rep, Function<String, Path> target) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> names = new ArrayList<>();
        save(
                categories(
                        rep,
                        ReproductionReport.CALIBRATION,
                        " mean latency",
                        "mean latency (s)",
                        "Mean latency on the five calibration traces (bars: simulated; markers: published)"),
                target,
                "calibration-latency.png",
                names);
        save(
                categories(
                        rep,
                        ReproductionReport.CALIBRATION,
                        " gpu utilization",
                        "GPU utilization (%)",
                        "GPU utilization as NVML reports it (bars: simulated; markers: published)"),
                target,
                "calibration-utilization.png",
                names);
        save(dTable(rep), target, "d-table.png", names);
        save(cap(rep), target, "utilization-cap.png", names);
        save(
                categories(
                        rep,
                        ReproductionReport.HYBRID,
                        "mean latency",
                        "mean latency (s)",
                        "CPU and GPU placement on trace 25.7 (bars: simulated; markers: published)"),
                target,
                "hybrid.png",
                names);
        for (String c : rep.curves.keySet()) {
            save(curve(rep, c), target, "curve-" + c.toLowerCase(Locale.ROOT) + ".png", names);
        }
        return names;
    }

    private static void save(JFreeChart chart, Function<String, Path> target, String name, List<String> names)
            throws IOException {
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(target.apply(name).toFile(), chart, W, H);
        names.add(name);
    }

    /** Rows of {@code table} whose column ends with {@code suffix}: series = column prefix, category = row. */
    private static JFreeChart categories(
            ReproductionReport rep, String table, String suffix, String yLabel, String title) {
        DefaultCategoryDataset sim = new DefaultCategoryDataset();
        DefaultCategoryDataset pub = new DefaultCategoryDataset();
        for (Row r : rep.rows) {
            if (!r.table().equals(table) || !r.column().endsWith(suffix)) continue;
            String series = r.column().substring(0, r.column().length() - suffix.length());
            if (series.isEmpty()) series = "simulated";
            sim.addValue(r.simulated(), series, r.row());
            pub.addValue(r.published(), series, r.row());
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
        marks.setUseSeriesOffset(true); // each marker over its own bar
        marks.setItemMargin(bars.getItemMargin());
        for (int i = 0; i < sim.getRowCount(); i++) {
            Color c = COLOURS[i % COLOURS.length];
            bars.setSeriesPaint(i, c);
            marks.setSeriesPaint(i, Color.BLACK);
            marks.setSeriesShape(i, new Rectangle2D.Double(-5, -5, 10, 10));
            marks.setSeriesShapesFilled(i, false);
            marks.setSeriesOutlineStroke(i, new BasicStroke(2f));
            marks.setUseOutlinePaint(true);
            marks.setSeriesOutlinePaint(i, Color.BLACK);
            marks.setSeriesVisibleInLegend(i, false);
        }
        CategoryPlot plot = new CategoryPlot(
                sim,
                new CategoryAxis(table.equals(ReproductionReport.HYBRID) ? "setup" : "trace"),
                new NumberAxis(yLabel),
                bars);
        plot.setDataset(1, pub);
        plot.setRenderer(1, marks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }

    private static JFreeChart dTable(ReproductionReport rep) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> ps = PublishedResults.D_TABLE_POLICIES;
        for (String p : ps) {
            XYSeries sim = new XYSeries(p + " (simulated)");
            XYSeries pub = new XYSeries(p + " (published)");
            for (Row r : rep.rows) {
                if (!r.table().equals(ReproductionReport.D_TABLE) || !r.column().equals(p + " mean latency")) continue;
                double d = Double.parseDouble(r.row().substring("D = ".length()));
                sim.add(d, r.simulated());
                pub.add(d, r.published());
            }
            data.addSeries(sim);
            data.addSeries(pub);
        }
        return xy(
                data,
                "D (invocations running at once)",
                "mean latency (s)",
                "Trace 25.7095: mean latency by D (lines: simulated; open markers: published)");
    }

    private static JFreeChart cap(ReproductionReport rep) {
        XYSeriesCollection data = new XYSeriesCollection();
        for (String setting : List.of("fixed D", "cap 95 %", "cap 80 %", "cap 50 %")) {
            XYSeries sim = new XYSeries(setting + " (simulated)");
            XYSeries pub = new XYSeries(setting + " (published)");
            for (Row r : rep.rows) {
                if (!r.table().equals(ReproductionReport.CAP)
                        || !r.row().equals(setting)
                        || !r.column().endsWith("normalized execution")) continue;
                double d = Double.parseDouble(
                        r.column().substring("D = ".length(), r.column().indexOf(' ', 4)));
                sim.add(d, r.simulated());
                pub.add(d, r.published());
            }
            data.addSeries(sim);
            data.addSeries(pub);
        }
        return xy(
                data,
                "D",
                "normalized execution time (x isolated)",
                "Trace 25.7, MQFQ-Sticky: normalized execution by D and utilization cap (lines: simulated; markers: published)");
    }

    private static JFreeChart curve(ReproductionReport rep, String name) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries lat = new XYSeries("mean latency (s)");
        XYSeries cold = new XYSeries("cold starts (% / 10)");
        for (Map.Entry<String, double[]> e : rep.curves.get(name).entrySet()) {
            double x = Double.parseDouble(e.getKey());
            lat.add(x, e.getValue()[0]);
            cold.add(x, e.getValue()[1] / 10);
        }
        data.addSeries(lat);
        data.addSeries(cold);
        String x = switch (name) {
            case "T" -> "T (virtual seconds of over-run)";
            case "ttl" -> "TTL (x the function's mean inter-arrival time)";
            default -> "container pool (containers per GPU)";
        };
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < 2; i++) r.setSeriesPaint(i, COLOURS[i]);
        XYPlot plot = new XYPlot(data, new NumberAxis(x), new NumberAxis("value"), r);
        return new JFreeChart(
                "Trace 25.7095, MQFQ-Sticky: simulated only (no published values in the calibration data)",
                JFreeChart.DEFAULT_TITLE_FONT,
                plot,
                true);
    }

    /** Pairs of series (simulated, published): lines for the first of each pair, open markers for the second. */
    private static JFreeChart xy(XYSeriesCollection data, String xLabel, String yLabel, String title) {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color c = COLOURS[(i / 2) % COLOURS.length];
            r.setSeriesPaint(i, c);
            boolean published = i % 2 == 1;
            r.setSeriesLinesVisible(i, !published);
            r.setSeriesShapesVisible(i, true);
            r.setSeriesShapesFilled(i, !published);
            r.setSeriesShape(
                    i, published ? new Rectangle2D.Double(-6, -6, 12, 12) : new Ellipse2D.Double(-3, -3, 6, 6));
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        r.setUseOutlinePaint(false);
        NumberAxis x = new NumberAxis(xLabel);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, x, new NumberAxis(yLabel), r);
        return new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }
}
