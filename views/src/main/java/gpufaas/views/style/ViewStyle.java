package gpufaas.views.style;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The theme (light or dark) and the font scale (1, or larger in presenter mode) for what CSS does
 * not reach: canvases and charts. One instance per window, used on the FX thread; views redraw
 * when {@link #revision()} changes.
 */
public final class ViewStyle {
    private boolean dark;
    private double scale = 1;
    private long revision;

    public boolean dark() {
        return dark;
    }

    public double scale() {
        return scale;
    }

    public long revision() {
        return revision;
    }

    public void set(boolean darkTheme, double fontScale) {
        if (darkTheme == dark && fontScale == scale) return;
        dark = darkTheme;
        scale = fontScale;
        revision++;
    }

    public Color background() {
        return dark ? Color.web("#1f2227") : Color.WHITE;
    }

    public Color text() {
        return dark ? Color.web("#e6e9ee") : Color.web("#1b1f24");
    }

    public Color muted() {
        return dark ? Color.web("#a9b0ba") : Color.web("#555c66");
    }

    public Color grid() {
        return dark ? Color.web("#3a3f47") : Color.web("#e3e6ea");
    }

    public Color band() {
        return dark ? Color.web("#56B4E9", 0.25) : Color.web("#0072B2", 0.14);
    }

    public Color strong() {
        return dark ? Color.WHITE : Color.BLACK;
    }

    /** The base font at this scale ({@code size} at scale 1). */
    public Font font(double size) {
        return Font.font("DejaVu Sans", size * scale);
    }

    public Font bold(double size) {
        return Font.font("DejaVu Sans", FontWeight.BOLD, size * scale);
    }

    /** A #RRGGBB colour. */
    public static Color web(String hex) {
        return Color.web(hex);
    }
}
