package gpufaas.views.style;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;

/** Fonts and colours of the JFreeChart charts, following the window's theme and font scale. */
public final class ChartStyle {
    /** Series colours: Okabe–Ito, colour-blind safe. */
    private static final Color[] SERIES = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };

    private ChartStyle() {}

    public static Paint series(int i, boolean dark) {
        Color c = SERIES[Math.floorMod(i, SERIES.length)];
        if (dark && c.equals(Color.BLACK)) return Color.WHITE;
        return c;
    }

    public static BasicStroke line(double scale, boolean dashed) {
        float w = (float) (2 * scale);
        return dashed
                ? new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f * w, 3f * w}, 0f)
                : new BasicStroke(w);
    }

    public static void apply(JFreeChart chart, ViewStyle style) {
        boolean dark = style.dark();
        double s = style.scale();
        Color bg = dark ? new Color(0x1f2227) : Color.WHITE;
        Color fg = dark ? new Color(0xe6e9ee) : new Color(0x1b1f24);
        Color grid = dark ? new Color(0x3a3f47) : new Color(0xd5d9de);
        chart.setBackgroundPaint(bg);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(new Font("DejaVu Sans", Font.BOLD, (int) Math.round(14 * s)));
            chart.getTitle().setPaint(fg);
        }
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof LegendTitle l) {
                l.setItemFont(new Font("DejaVu Sans", Font.PLAIN, (int) Math.round(11 * s)));
                l.setItemPaint(fg);
                l.setBackgroundPaint(bg);
            }
        }
        Plot p = chart.getPlot();
        p.setBackgroundPaint(bg);
        p.setOutlinePaint(grid);
        Font tick = new Font("DejaVu Sans", Font.PLAIN, (int) Math.round(11 * s));
        Font label = new Font("DejaVu Sans", Font.PLAIN, (int) Math.round(12 * s));
        if (p instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(grid);
            xy.setRangeGridlinePaint(grid);
            for (var a : new Axis[] {xy.getDomainAxis(), xy.getRangeAxis()}) axis(a, fg, tick, label);
        } else if (p instanceof CategoryPlot cp) {
            cp.setRangeGridlinePaint(grid);
            axis(cp.getDomainAxis(), fg, tick, label);
            axis(cp.getRangeAxis(), fg, tick, label);
        }
    }

    private static void axis(Axis a, Color fg, Font tick, Font label) {
        if (a == null) return;
        a.setTickLabelFont(tick);
        a.setLabelFont(label);
        a.setTickLabelPaint(fg);
        a.setLabelPaint(fg);
        a.setAxisLinePaint(fg);
        a.setTickMarkPaint(fg);
    }
}
