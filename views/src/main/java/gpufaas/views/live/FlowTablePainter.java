package gpufaas.views.live;

import gpufaas.engine.policy.FlowState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paints the flows table into a {@link PixelRaster}: a header, then one row per flow with the
 * function (its colour and name), the state as a coloured chip with the state written out and a
 * shape (● Active, ‖ Throttled, ○ Inactive), the queue as a number and a bar, the invocations in
 * flight, and a lane with the band [V, V+T], V as a line, V+T dashed and the flow's start tag S as
 * a diamond (filled when the flow has work queued, hollow otherwise). Plain Java: the fonts are
 * glyph atlases, the colours a {@link RasterTheme}.
 */
final class FlowTablePainter {
    static final String[] TITLES = {"Function", "State", "Queue", "In flight", "Start tag S vs V (band V to V+T)"};
    /** least widths (at scale 1) of the columns whatever their words: room for a queue bar and a lane */
    private static final int[] MIN_WIDTHS = {110, 110, 90, 60, 200};

    static final String EMPTY = "No flows yet: load an experiment and press Play or Step.";

    private GlyphAtlas font;
    private GlyphAtlas bold;
    private GlyphAtlas small;
    private final List<String> texts = new ArrayList<>();

    void fonts(GlyphAtlas regular, GlyphAtlas boldFont, GlyphAtlas smallFont) {
        font = regular;
        bold = boldFont;
        small = smallFont;
    }

    static int rowHeight(RasterTheme t) {
        return (int) Math.round(26 * t.scale());
    }

    int headerHeight() {
        return bold.lineHeight() + 8;
    }

    int contentHeight(int rows, RasterTheme t) {
        return headerHeight() + Math.max(1, rows) * rowHeight(t);
    }

    /** The texts written by the last {@link #paint}, in order (what a reader of the table would see). */
    List<String> texts() {
        return texts;
    }

    /**
     * The columns' widths for {@code lines}: each fits its title and its widest cell (function names,
     * the state chips), never less than its least width; the lane takes what is left of a wider view.
     */
    private int[] widths(List<FlowLine> lines, RasterTheme t) {
        double s = t.scale();
        int pad = (int) Math.round(12 * s);
        int[] w = new int[5];
        for (int c = 0; c < 5; c++)
            w[c] = Math.max((int) Math.round(MIN_WIDTHS[c] * s), (int) Math.ceil(bold.width(TITLES[c])) + pad);
        int names = 0;
        for (FlowLine l : lines)
            names = Math.max(names, (int) Math.ceil(font.width(l.flow().function())));
        w[0] = Math.max(w[0], (int) Math.round(12 * s) + 12 + names + pad);
        for (FlowState st : FlowState.values()) w[1] = Math.max(w[1], chipWidth(st, s) + pad);
        return w;
    }

    private int chipWidth(FlowState st, double s) {
        return (int) Math.ceil(bold.width(FunctionPalette.stateText(st))) + (int) Math.round(16 * s);
    }

    /** The narrowest the table can be without cutting a title, a name or a chip. */
    int minWidth(List<FlowLine> lines, RasterTheme t) {
        int sum = 0;
        for (int x : widths(lines, t)) sum += x;
        return sum;
    }

    /** Left edges of the five columns and the right edge, for width {@code w}. */
    int[] columns(List<FlowLine> lines, int w, RasterTheme t) {
        int[] widths = widths(lines, t);
        int[] x = new int[6];
        for (int i = 0; i < 4; i++) x[i + 1] = x[i] + widths[i];
        x[5] = Math.max(w, x[4] + widths[4]);
        return x;
    }

    /** Paints {@code lines} scrolled up by {@code scrollY}, the header always on top. */
    void paint(PixelRaster r, int w, int h, int scrollY, List<FlowLine> lines, RasterTheme t) {
        texts.clear();
        r.clear(t.background());
        int[] col = columns(lines, w, t);
        int rowH = rowHeight(t);
        int headH = headerHeight();
        if (lines.isEmpty()) {
            text(font, r, EMPTY, 8, headH + rowH, t.muted(), w);
        }
        int first = Math.max(0, scrollY / rowH);
        for (int i = first; i < lines.size(); i++) {
            int top = headH + i * rowH - scrollY;
            if (top >= h) break;
            if (i % 2 == 1) r.fillRect(0, top, w, top + rowH, t.alternate());
            row(r, col, top, rowH, lines.get(i), t);
            r.fillRect(0, top + rowH - 1, w, top + rowH, t.grid());
        }
        r.fillRect(0, 0, w, headH, t.header());
        r.fillRect(0, headH - 1, w, headH, t.grid());
        for (int c = 0; c < 5; c++) {
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

    private void text(GlyphAtlas f, PixelRaster r, String s, double x, double cy, int argb, int clipX1) {
        f.draw(r, s, x, cy, argb, clipX1);
        texts.add(s);
    }

    private void textRight(GlyphAtlas f, PixelRaster r, String s, double right, double cy, int argb) {
        f.drawRight(r, s, right, cy, argb);
        texts.add(s);
    }

    private void row(PixelRaster r, int[] col, int top, int rowH, FlowLine line, RasterTheme t) {
        FlowRow f = line.flow();
        double s = t.scale();
        int cy = top + rowH / 2;
        int fnColour = FunctionPalette.argb(f.fn(), t.dark());
        // function: a square of its colour and its name
        int box = (int) Math.round(12 * s);
        int bx = col[0] + 6;
        r.fillRect(bx, cy - box / 2, bx + box, cy - box / 2 + box, fnColour);
        r.strokeRect(bx, cy - box / 2, bx + box, cy - box / 2 + box, 1, t.dark() ? 0xffe6e9ee : 0xff1b1f24);
        int nx = bx + box + 6;
        text(font, r, font.fit(f.function(), col[1] - nx - 6), nx, cy, t.text(), col[1] - 4);
        // state: a rounded chip, the colour and the word (with its shape)
        String st = FunctionPalette.stateText(f.state());
        int chipW = chipWidth(f.state(), s);
        int chipH = Math.min(rowH - 4, bold.lineHeight() + 2);
        int cx0 = col[1] + 6;
        int cx1 = Math.min(col[2] - 4, cx0 + chipW);
        r.fillRoundRect(cx0, cy - chipH / 2, cx1, cy - chipH / 2 + chipH, (int) Math.round(8 * s), t.state(f.state()));
        text(bold, r, st, cx0 + 8 * s, cy, t.stateText(f.state()), cx1);
        // queue: the number and a bar against the longest queue
        int q = f.queued();
        int numRight = col[2] + (int) Math.round(44 * s);
        textRight(small, r, Integer.toString(q), numRight - 4, cy, t.text());
        if (q > 0) {
            int barMax = col[3] - 8 - numRight;
            int bw = (int) Math.max(2, barMax * Math.min(1, (double) q / Math.max(1, line.maxQueue())));
            int bh = (int) Math.round(rowH * 0.45);
            r.fillRect(numRight, cy - bh / 2, numRight + bw, cy - bh / 2 + bh, fnColour);
        }
        // in flight
        textRight(font, r, Integer.toString(f.inFlight()), col[4] - 8, cy, t.text());
        lane(r, col[4] + 4, col[5] - 4, top + 3, top + rowH - 4, cy, line, t);
    }

    private void lane(PixelRaster r, int x0, int x1, int y0, int y1, int cy, FlowLine item, RasterTheme t) {
        TagScale sc = item.scale();
        if (sc == null || Double.isNaN(item.virtualTime())) {
            text(small, r, "no virtual time: this policy keeps no tags", x0 + 4, cy, t.muted(), x1);
            return;
        }
        double s = t.scale();
        double v = item.virtualTime();
        double over = Double.isNaN(item.overrun()) ? 0 : item.overrun();
        double span = x1 - x0 - 8 - 70 * s;
        int xv = (int) Math.round(x0 + 4 + sc.share(v) * span);
        int xt = (int) Math.round(x0 + 4 + sc.share(v + over) * span);
        r.fillRect(xv, y0 + 1, Math.max(xv + 1, xt), y1 - 1, t.band());
        r.fillRect(xv - 1, y0, xv + 1, y1, t.strong());
        r.dashedVertical(xt, y0, y1, 3, 3, t.muted());
        FlowRow f = item.flow();
        double tag = f.startTag();
        boolean backlogged = f.queued() + f.inFlight() > 0;
        if (!Double.isNaN(tag) && (backlogged || f.state() != FlowState.INACTIVE)) {
            int xs = (int) Math.round(x0 + 4 + sc.share(tag) * span);
            int rad = (int) Math.min((y1 - y0) / 2.0 - 1, 7 * s);
            if (f.queued() > 0) {
                r.fillDiamond(xs, cy, rad, t.state(f.state()));
                r.strokeDiamond(xs, cy, rad, 1, t.strong());
            } else {
                // not backlogged (nothing queued): its tag does not take part in V; drawn hollow
                r.strokeDiamond(xs, cy, rad, 2, t.state(f.state()));
            }
        }
        if (!Double.isNaN(tag)) textRight(small, r, String.format(Locale.ROOT, "S %.2f", tag), x1 - 2, cy, t.text());
    }
}
