package gpufaas.views.live;

import java.util.HashMap;
import java.util.Map;

/**
 * One font's glyphs as coverage masks, for writing text into a {@link PixelRaster}: a string is
 * drawn glyph by glyph at its advance, in any colour, so a table whose numbers change every frame
 * is still one image for JavaFX to show. The masks come from a {@link Source} (JavaFX renders them
 * once, see {@code FxGlyphs}); printable ASCII and the symbols the views use are asked for in one
 * batch, anything else when first met. Plain Java.
 */
public final class GlyphAtlas {
    /** The characters asked for up front. */
    static final String COMMON;

    static {
        StringBuilder b = new StringBuilder();
        for (char c = 32; c < 127; c++) b.append(c);
        COMMON = b.append("●‖○◆◇▶·…×").toString();
    }

    /** A glyph: a coverage mask {@code width} × {@code height} whose column 0 is {@code originX} pixels from the pen. */
    public record Glyph(int width, int height, int originX, byte[] alpha, double advance) {}

    /** Renders glyphs: one per character of {@code chars}, all {@code lineHeight()} high, the text's top at row 0. */
    public interface Source {
        Map<Character, Glyph> render(String chars);

        int lineHeight();
    }

    private final Source source;
    private final Map<Character, Glyph> glyphs = new HashMap<>();
    private final Glyph[] ascii = new Glyph[128];
    private final int lineHeight;

    public GlyphAtlas(Source source) {
        this.source = source;
        this.lineHeight = source.lineHeight();
        put(source.render(COMMON));
    }

    private void put(Map<Character, Glyph> more) {
        for (Map.Entry<Character, Glyph> e : more.entrySet()) {
            glyphs.put(e.getKey(), e.getValue());
            if (e.getKey() < 128) ascii[e.getKey()] = e.getValue();
        }
    }

    private Glyph glyph(char c) {
        if (c < 128 && ascii[c] != null) return ascii[c];
        Glyph g = glyphs.get(c);
        if (g == null) {
            put(source.render(String.valueOf(c)));
            g = glyphs.get(c);
            if (g == null) {
                g = new Glyph(0, 0, 0, new byte[0], 0);
                glyphs.put(c, g);
            }
        }
        return g;
    }

    /** The height of a line of text in pixels. */
    public int lineHeight() {
        return lineHeight;
    }

    /** The width of {@code s} in pixels. */
    public double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) w += glyph(s.charAt(i)).advance();
        return w;
    }

    /** {@code s}, or as much of it as fits in {@code maxWidth} followed by "…". */
    public String fit(String s, double maxWidth) {
        if (width(s) <= maxWidth) return s;
        double ell = glyph('…').advance();
        double w = 0;
        int i = 0;
        while (i < s.length() && w + glyph(s.charAt(i)).advance() + ell <= maxWidth)
            w += glyph(s.charAt(i++)).advance();
        return i == 0 ? "" : s.substring(0, i) + "…";
    }

    /**
     * Draws {@code s} with its left edge at {@code x} and the line's vertical centre at {@code cy},
     * nothing right of {@code clipX1}; returns the width drawn.
     */
    public double draw(PixelRaster r, String s, double x, double cy, int argb, int clipX1) {
        int top = (int) Math.round(cy - lineHeight / 2.0);
        double pen = x;
        int clipX0 = (int) Math.floor(x) - 64;
        for (int i = 0; i < s.length(); i++) {
            Glyph g = glyph(s.charAt(i));
            if (g.width() > 0) {
                r.blendMask(
                        g.alpha(),
                        g.width(),
                        g.height(),
                        (int) Math.round(pen) + g.originX(),
                        top,
                        argb,
                        clipX0,
                        clipX1);
            }
            pen += g.advance();
        }
        return pen - x;
    }

    /** Draws {@code s} with its right edge at {@code right}. */
    public void drawRight(PixelRaster r, String s, double right, double cy, int argb) {
        draw(r, s, right - width(s), cy, argb, Integer.MAX_VALUE);
    }
}
