package gpufaas.views.decisions;

import gpufaas.engine.model.StartType;
import gpufaas.views.live.GlyphAtlas;
import gpufaas.views.live.PixelRaster;
import gpufaas.views.live.RasterTheme;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Paints the decision log into a {@link PixelRaster}: a header, then one row per decision with its
 * number, time, function, device, how it started, how long it queued and why, the selected row
 * highlighted. Only the rows scrolled into view are painted, so a log of 50,000 decisions costs
 * what its visible 20 do. Plain Java: the font is a glyph atlas, the colours a {@link RasterTheme}.
 */
final class DecisionTablePainter {
    static final String[] TITLES = {"#", "time (s)", "function", "device", "start", "queued (s)", "anomaly", "why"};
    /** least widths of the columns at scale 1, whatever their words */
    private static final int[] MIN_WIDTHS = {60, 90, 110, 80, 90, 100, 80, 320};
    /** the anomaly column's ink (a reddish purple that reads on both themes) */
    private static final int ANOMALY_INK = 0xffcc2a8f;
    /** the widest time and queue cells measured (seconds with three decimals) */
    private static final String WIDE_NUMBER = "00000.000";

    static final String EMPTY = "No decisions yet: press Play, or Step decision to take one at a time.";
    /** what an empty log says: {@link #EMPTY}, or why a search shows nothing */
    private String empty = EMPTY;

    private GlyphAtlas font;
    private GlyphAtlas bold;
    private final List<String> texts = new ArrayList<>();
    /** the widest "why" painted so far (the column grows to it, so a summary is never cut) */
    private int whyWidth;
    /** the widest "anomaly" painted so far */
    private int flagWidth;
    /** a decision's anomalies, as the log's anomaly column writes them */
    private Function<DecisionRecord, String> flags = r -> "";

    void fonts(GlyphAtlas regular, GlyphAtlas boldFont) {
        font = regular;
        bold = boldFont;
    }

    static int rowHeight(RasterTheme t) {
        return (int) Math.round(24 * t.scale());
    }

    int headerHeight() {
        return bold.lineHeight() + 8;
    }

    int contentHeight(int rows, RasterTheme t) {
        return headerHeight() + Math.max(1, rows) * rowHeight(t);
    }

    /** What the log says when it shows no rows. */
    void emptyText(String text) {
        empty = text;
    }

    /** The texts written by the last {@link #paint}, in order (header, then the visible rows' cells). */
    List<String> texts() {
        return texts;
    }

    /** Forgets the widest "why" seen (a new run). */
    void resetWidths() {
        whyWidth = 0;
        flagWidth = 0;
    }

    /** What the anomaly column writes for a decision. */
    void flags(Function<DecisionRecord, String> f) {
        flags = f;
    }

    /**
     * The columns' widths: each fits its title and its widest cell ({@code functions} and
     * {@code devices} are every name the log holds; the "why" grows to the widest painted), never less
     * than its least width.
     */
    private int[] widths(Collection<String> functions, Collection<String> devices, RasterTheme t) {
        double s = t.scale();
        int pad = (int) Math.round(12 * s);
        int[] w = new int[8];
        for (int c = 0; c < 8; c++)
            w[c] = Math.max((int) Math.round(MIN_WIDTHS[c] * s), (int) Math.ceil(bold.width(TITLES[c])) + pad);
        w[1] = Math.max(w[1], (int) Math.ceil(font.width(WIDE_NUMBER)) + pad);
        w[5] = Math.max(w[5], (int) Math.ceil(font.width(WIDE_NUMBER)) + pad);
        for (String f : functions) w[2] = Math.max(w[2], (int) Math.ceil(font.width(f)) + pad);
        for (String d : devices) w[3] = Math.max(w[3], (int) Math.ceil(font.width(d)) + pad);
        for (StartType st : StartType.values())
            w[4] = Math.max(w[4], (int) Math.ceil(font.width(DecisionExplainer.startLabel(st))) + pad);
        w[6] = Math.max(w[6], flagWidth + pad);
        w[7] = Math.max(w[7], whyWidth + pad);
        return w;
    }

    /** The narrowest the log can be without cutting a title or a cell. */
    int minWidth(Collection<String> functions, Collection<String> devices, RasterTheme t) {
        int sum = 0;
        for (int x : widths(functions, devices, t)) sum += x;
        return sum;
    }

    /** Left edges of the eight columns and the right edge, for width {@code w}; the last column takes the rest. */
    int[] columns(Collection<String> functions, Collection<String> devices, int w, RasterTheme t) {
        int[] widths = widths(functions, devices, t);
        int[] x = new int[9];
        for (int i = 0; i < 7; i++) x[i + 1] = x[i] + widths[i];
        x[8] = Math.max(w, x[7] + widths[7]);
        return x;
    }

    /** The cells of one row, in column order ({@code flags}: its anomalies). */
    static String[] cells(DecisionRecord r, String flags) {
        return new String[] {
            Long.toString(r.seq()),
            DecisionExplainer.seconds(r.timeUs()),
            r.function(),
            r.device(),
            DecisionExplainer.startLabel(r.startType()),
            String.format(Locale.ROOT, "%.3f", r.queueMs() / 1000),
            flags,
            DecisionExplainer.summary(r)
        };
    }

    /**
     * Paints {@code rows} scrolled up by {@code scrollY}, the header always on top; row
     * {@code selected} (an index into {@code rows}, or -1) is highlighted, with a focus ring when
     * {@code focused}.
     */
    void paint(
            PixelRaster r,
            int w,
            int h,
            int scrollY,
            List<DecisionRecord> rows,
            Collection<String> functions,
            Collection<String> devices,
            int selected,
            boolean focused,
            int selection,
            RasterTheme t) {
        texts.clear();
        r.clear(t.background());
        int[] col = columns(functions, devices, w, t);
        int rowH = rowHeight(t);
        int headH = headerHeight();
        if (rows.isEmpty()) text(font, r, empty, 8, headH + rowH / 2.0, t.muted(), w);
        int first = Math.max(0, scrollY / rowH);
        for (int i = first; i < rows.size(); i++) {
            int top = headH + i * rowH - scrollY;
            if (top >= h) break;
            boolean sel = i == selected;
            if (sel) r.fillRect(0, top, w, top + rowH, selection);
            else if (i % 2 == 1) r.fillRect(0, top, w, top + rowH, t.alternate());
            String[] cells = cells(rows.get(i), flags.apply(rows.get(i)));
            whyWidth = Math.max(whyWidth, (int) Math.ceil(font.width(cells[7])));
            flagWidth = Math.max(flagWidth, (int) Math.ceil(font.width(cells[6])));
            int ink = sel ? 0xffffffff : t.text();
            for (int c = 0; c < cells.length; c++) {
                int colour = c == 6 && !sel ? ANOMALY_INK : ink;
                text(
                        font,
                        r,
                        font.fit(cells[c], col[c + 1] - col[c] - 12),
                        col[c] + 6,
                        top + rowH / 2.0,
                        colour,
                        col[c + 1] - 4);
            }
            r.fillRect(0, top + rowH - 1, w, top + rowH, t.grid());
            if (sel && focused) r.strokeRect(0, top, w, top + rowH, 1, t.strong());
        }
        r.fillRect(0, 0, w, headH, t.header());
        r.fillRect(0, headH - 1, w, headH, t.grid());
        for (int c = 0; c < TITLES.length; c++) {
            if (c > 0) r.fillRect(col[c] - 1, 0, col[c], h, t.grid());
            text(
                    bold,
                    r,
                    bold.fit(TITLES[c], col[c + 1] - col[c] - 12),
                    col[c] + 6,
                    headH / 2.0,
                    t.text(),
                    col[c + 1] - 4);
        }
    }

    /** The row at {@code y} pixels from the view's top when scrolled by {@code scrollY}; -1 on the header or past the end. */
    int rowAt(double y, int scrollY, int rows, RasterTheme t) {
        if (y < headerHeight()) return -1;
        int i = (int) Math.floor((y - headerHeight() + scrollY) / rowHeight(t));
        return i < rows ? i : -1;
    }

    private void text(GlyphAtlas f, PixelRaster r, String s, double x, double cy, int argb, int clipX1) {
        f.draw(r, s, x, cy, argb, clipX1);
        texts.add(s);
    }
}
