package gpufaas.views.live;

import gpufaas.views.style.ViewStyle;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;

/**
 * A view painted into one pixel buffer shown as one image, with a vertical scroll bar when its
 * content is taller than the view and a horizontal one when the view is narrower than its content
 * can be (its columns never shrink below what their words need). JavaFX's software renderer then copies one image per repaint
 * instead of rasterizing hundreds of cells, chips and texts. Subclasses lay out their content for
 * a width and paint the visible part; the fonts are glyph atlases made once per style.
 */
public abstract class RasterPane extends Region {
    protected final ViewStyle style;
    private final ImageView image = new ImageView();
    private final ScrollBar bar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final PixelRaster raster = new PixelRaster();
    private final RasterImage shown = new RasterImage(image);
    private double width = -1;
    private double height = -1;
    private long fontsStyle = -1;
    private RasterTheme theme;
    /** set while {@link #repaint()} moves the scroll bar itself, so the move does not paint again */
    private boolean adjusting;

    private int contentWidth;

    protected RasterPane(ViewStyle style) {
        this.style = style;
        image.setSmooth(false);
        image.setManaged(false);
        bar.setOrientation(Orientation.VERTICAL);
        bar.setManaged(false);
        bar.setVisible(false);
        bar.valueProperty().addListener((o, a, b) -> {
            if (!adjusting) repaint();
        });
        hbar.setOrientation(Orientation.HORIZONTAL);
        hbar.setManaged(false);
        hbar.setVisible(false);
        hbar.valueProperty().addListener((o, a, b) -> {
            if (!adjusting) repaint();
        });
        getChildren().addAll(image, bar, hbar);
        setOnScroll(e -> {
            if (bar.isVisible())
                bar.setValue(Math.max(bar.getMin(), Math.min(bar.getMax(), bar.getValue() - e.getDeltaY())));
            if (hbar.isVisible() && e.getDeltaX() != 0) {
                hbar.setValue(Math.max(hbar.getMin(), Math.min(hbar.getMax(), hbar.getValue() - e.getDeltaX())));
            }
        });
        setMinHeight(40);
    }

    /** The content's height when laid out {@code width} pixels wide. */
    protected abstract int layout(int width, RasterTheme theme);

    /** Paints the view's {@code w} × {@code h} pixels with the content scrolled up by {@code scrollY}. */
    protected abstract void paint(PixelRaster r, int w, int h, int scrollY, RasterTheme theme);

    /** The narrowest the content can be laid out without cutting words off (0: any width). */
    protected int minContentWidth(RasterTheme theme) {
        return 0;
    }

    /** Called when the style (theme, font scale) changed: make the fonts again. */
    protected abstract void restyleFonts();

    /** Whether a repaint shows the end of the content (a log following its newest line); false here. */
    protected boolean pinnedToEnd() {
        return false;
    }

    /** The height of the view in pixels (0 before the first layout). */
    protected int viewHeight() {
        return (int) Math.max(0, height);
    }

    /** The colour (opaque ARGB) painted at (x, y) of the view by the last repaint; 0 outside it. */
    public int drawnPixel(int x, int y) {
        return x >= 0 && y >= 0 && x < raster.width() && y < raster.height() ? raster.get(x, y) : 0;
    }

    /** The scroll offset in pixels. */
    protected int scrollY() {
        return bar.isVisible() ? (int) Math.round(bar.getValue()) : 0;
    }

    /** The horizontal scroll offset in pixels. */
    protected int scrollX() {
        return hbar.isVisible() ? (int) Math.round(hbar.getValue()) : 0;
    }

    /** The width the content was last painted at (wider than the view when it scrolls sideways). */
    public int contentWidth() {
        return contentWidth;
    }

    /** Whether the view scrolls sideways (its content needs more width than it has). */
    public boolean scrollsSideways() {
        return hbar.isVisible();
    }

    /** Scrolls so that content row {@code y} shows at the top (repaints). */
    protected void scrollTo(double y) {
        if (bar.isVisible()) bar.setValue(Math.max(0, Math.min(bar.getMax(), y)));
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (w != width || h != height) {
            width = w;
            height = h;
            repaint();
        }
    }

    @Override
    protected double computePrefWidth(double h) {
        return 400;
    }

    @Override
    protected double computePrefHeight(double w) {
        return 200;
    }

    private RasterTheme theme() {
        if (theme == null || fontsStyle != style.revision()) {
            fontsStyle = style.revision();
            theme = style.dark() ? RasterTheme.dark(style.scale()) : RasterTheme.light(style.scale());
            restyleFonts();
        }
        return theme;
    }

    /** Lays out and paints the visible part from the current state (FX thread). */
    public final void repaint() {
        int w = (int) width;
        int h = (int) height;
        if (w < 20 || h < 10) return;
        RasterTheme t = theme();
        int barW = (int) Math.ceil(Math.max(12, bar.prefWidth(-1)));
        int barH = (int) Math.ceil(Math.max(12, hbar.prefHeight(-1)));
        int minW = minContentWidth(t);
        boolean sideways = minW > w;
        int ph = sideways ? h - barH : h;
        int content = layout(Math.max(w, minW), t);
        boolean scroll = content > ph;
        int pw = w;
        if (scroll) {
            pw = w - barW;
            sideways = minW > pw;
            ph = sideways ? h - barH : h;
            content = layout(Math.max(pw, minW), t);
        }
        int cw = Math.max(pw, minW);
        contentWidth = cw;
        if (scroll != bar.isVisible()) bar.setVisible(scroll);
        if (sideways != hbar.isVisible()) hbar.setVisible(sideways);
        adjusting = true;
        try {
            if (scroll) {
                bar.resizeRelocate(pw, 0, barW, ph);
                double max = content - ph;
                if (bar.getMax() != max) bar.setMax(max);
                bar.setVisibleAmount(ph * max / Math.max(1, content));
                bar.setUnitIncrement(24 * style.scale());
                bar.setBlockIncrement(ph * 0.9);
                if (bar.getValue() > max || pinnedToEnd() && bar.getValue() != max) bar.setValue(max);
            }
            if (sideways) {
                hbar.resizeRelocate(0, ph, pw, barH);
                double max = cw - pw;
                if (hbar.getMax() != max) hbar.setMax(max);
                hbar.setVisibleAmount(pw * max / Math.max(1, cw));
                hbar.setUnitIncrement(24 * style.scale());
                hbar.setBlockIncrement(pw * 0.9);
                if (hbar.getValue() > max) hbar.setValue(max);
            }
        } finally {
            adjusting = false;
        }
        raster.resize(pw, ph);
        raster.setOriginX(scrollX());
        paint(raster, cw, ph, scrollY(), t);
        shown.show(raster);
    }
}
