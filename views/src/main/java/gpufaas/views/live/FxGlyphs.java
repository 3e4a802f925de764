package gpufaas.views.live;

import java.util.HashMap;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Glyph masks rendered by JavaFX: the characters asked for are laid out as white text on a
 * transparent group, one snapshot for the whole batch, and each glyph's alpha is cut out with a
 * few pixels either side of its advance (FX thread).
 */
public final class FxGlyphs implements GlyphAtlas.Source {
    private final Font font;
    private final int lineHeight;
    private final int pad;
    /** the baseline's row: a whole pixel, so every glyph is rasterized at the same vertical position */
    private final int baseline;

    private FxGlyphs(Font font) {
        this.font = font;
        Text probe = new Text("Hg");
        probe.setFont(font);
        probe.setTextOrigin(VPos.TOP);
        this.lineHeight = (int) Math.ceil(probe.getLayoutBounds().getHeight());
        this.baseline = (int) Math.round(probe.getBaselineOffset());
        this.pad = (int) Math.ceil(font.getSize() / 4) + 1;
    }

    /** the atlases made so far, shared by the views (FX thread only): a few fonts at one or two scales */
    private static final Map<Font, GlyphAtlas> MADE = new HashMap<>();

    /** An atlas of {@code font}'s glyphs, made on first use. */
    public static GlyphAtlas atlas(Font font) {
        return MADE.computeIfAbsent(font, f -> new GlyphAtlas(new FxGlyphs(f)));
    }

    @Override
    public int lineHeight() {
        return lineHeight;
    }

    @Override
    public Map<Character, GlyphAtlas.Glyph> render(String chars) {
        int n = chars.length();
        int[] at = new int[n];
        double[] advance = new double[n];
        Group g = new Group();
        int x = pad;
        for (int i = 0; i < n; i++) {
            Text t = new Text(String.valueOf(chars.charAt(i)));
            t.setFont(font);
            t.setFill(Color.WHITE);
            t.setTextOrigin(VPos.BASELINE);
            advance[i] = t.getLayoutBounds().getWidth();
            t.setLayoutX(x);
            t.setLayoutY(baseline);
            at[i] = x;
            g.getChildren().add(t);
            x += (int) Math.ceil(advance[i]) + 2 * pad;
        }
        int w = x;
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        p.setViewport(new Rectangle2D(0, 0, w, lineHeight));
        WritableImage img = g.snapshot(p, new WritableImage(w, lineHeight));
        int[] argb = new int[w * lineHeight];
        img.getPixelReader().getPixels(0, 0, w, lineHeight, PixelFormat.getIntArgbPreInstance(), argb, 0, w);
        Map<Character, GlyphAtlas.Glyph> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int x0 = at[i] - pad;
            int gw = (int) Math.ceil(advance[i]) + 2 * pad;
            byte[] alpha = new byte[gw * lineHeight];
            for (int y = 0; y < lineHeight; y++) {
                for (int c = 0; c < gw; c++) alpha[y * gw + c] = (byte) (argb[y * w + x0 + c] >>> 24);
            }
            out.put(chars.charAt(i), new GlyphAtlas.Glyph(gw, lineHeight, -pad, alpha, advance[i]));
        }
        return out;
    }
}
