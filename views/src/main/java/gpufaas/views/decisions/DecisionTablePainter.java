package gpufaas.views.decisions;

import gpufaas.views.live.GlyphAtlas;
import gpufaas.views.live.PixelRaster;
import gpufaas.views.live.RasterTheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paints the decision log into a {@link PixelRaster}: a header, then one row per decision with its
 * number, time, function, device, how it started, how long it queued and why, the selected row
 * highlighted. Only the rows scrolled into view are painted, so a log of 50,000 decisions costs
 * what its visible 20 do. Plain Java: the font is a glyph atlas, the colours a {@link RasterTheme}.
 */
final class DecisionTablePainter {
    static final String[] TITLES = {"#", "time (s)", "function", "device", "start", "queued (s)", "why"};
    private static final int[] WIDTHS = {60, 90, 130, 90, 130, 100};
    private static final int WHY_MIN = 320;
    static final String EMPTY = "No decisions yet: press Play, or Step decision to take one at a time.";

    private GlyphAtlas font;
    private GlyphAtlas bold;
    private final List<String> texts = new ArrayList<>();

    void fonts(GlyphAtlas regular, GlyphAtlas boldFont) {
        font = regular;
        bold = boldFont;
    }

    static int rowHeight(RasterTheme t) { return (int) Math.round(24 * t.scale()); }

    int headerHeight() { return bold.lineHeight() + 8; }

    int contentHeight(int rows, RasterTheme t) { return headerHeight() + Math.max(1, rows) * rowHeight(t); }

    /** The texts written by the last {@link #paint}, in order (header, then the visible rows' cells). */
    List<String> texts() { return texts; }

    /** Left edges of the seven columns and the right edge, for width {@code w}; the last column takes the rest. */
    static int[] columns(int w, RasterTheme t) {
        int[] x = new int[8];
        for (int i = 0; i < 6; i++) x[i + 1] = x[i] + (int) Math.round(WIDTHS[i] * t.scale());
        x[7] = Math.max(w, x[6] + (int) Math.round(WHY_MIN * t.scale()));
        return x;
    }

    /** The cells of one row, in column order. */
    static String[] cells(DecisionRecord r) {
        return new String[] {Long.toString(r.seq()), DecisionExplainer.seconds(r.timeUs()), r.function(), r.device(),
                DecisionExplainer.startLabel(r.startType()), String.format(Locale.ROOT, "%.3f", r.queueMs() / 1000),
                DecisionExplainer.summary(r)};
    }

    /**
     * Paints {@code rows} scrolled up by {@code scrollY}, the header always on top; row
     * {@code selected} (an index into {@code rows}, or -1) is highlighted, with a focus ring when
     * {@code focused}.
     */
    void paint(PixelRaster r, int w, int h, int scrollY, List<DecisionRecord> rows, int selected, boolean focused,
               int selection, RasterTheme t) {
        texts.clear();
        r.clear(t.background());
        int[] col = columns(w, t);
        int rowH = rowHeight(t);
        int headH = headerHeight();
        if (rows.isEmpty()) text(font, r, EMPTY, 8, headH + rowH / 2.0, t.muted(), w);
        int first = Math.max(0, scrollY / rowH);
        for (int i = first; i < rows.size(); i++) {
            int top = headH + i * rowH - scrollY;
            if (top >= h) break;
            boolean sel = i == selected;
            if (sel) r.fillRect(0, top, w, top + rowH, selection);
            else if (i % 2 == 1) r.fillRect(0, top, w, top + rowH, t.alternate());
            String[] cells = cells(rows.get(i));
            int ink = sel ? 0xffffffff : t.text();
            for (int c = 0; c < cells.length; c++) {
                text(font, r, font.fit(cells[c], col[c + 1] - col[c] - 12), col[c] + 6, top + rowH / 2.0, ink, col[c + 1] - 4);
            }
            r.fillRect(0, top + rowH - 1, w, top + rowH, t.grid());
            if (sel && focused) r.strokeRect(0, top, w, top + rowH, 1, t.strong());
        }
        r.fillRect(0, 0, w, headH, t.header());
        r.fillRect(0, headH - 1, w, headH, t.grid());
        for (int c = 0; c < TITLES.length; c++) {
            if (c > 0) r.fillRect(col[c] - 1, 0, col[c], h, t.grid());
            text(bold, r, bold.fit(TITLES[c], col[c + 1] - col[c] - 12), col[c] + 6, headH / 2.0, t.text(), col[c + 1] - 4);
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
