package gpufaas.views.live;

import gpufaas.views.style.ViewStyle;
import java.util.List;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Tooltip;

/**
 * The memory residency map: per device, a strip of its memory with a block for each container
 * whose memory is on the device or moving (striped), and a strip of the containers whose memory
 * is on the host (outlined), with capacity, use, evictions, swaps and prefetches written out.
 * Painted into one image ({@link ResidencyPainter}); hovering a block names its container.
 */
public final class ResidencyMapView extends RasterPane {
    private final LiveViewModel vm;
    private final ResidencyPainter painter = new ResidencyPainter();
    private final Tooltip tip = new Tooltip();
    private List<DeviceState> laidOut = List.of();
    private volatile List<DrawnBlock> drawn = List.of();
    private volatile List<List<String>> captions = List.of();
    private long drawnStyle = -1;

    public ResidencyMapView(LiveViewModel vm, ViewStyle style) {
        super(style);
        this.vm = vm;
        getStyleClass().add("residency-map");
        setAccessibleRole(AccessibleRole.TEXT);
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> {
            double y = e.getY() + scrollY();
            double x = e.getX() + scrollX();
            for (DrawnBlock b : drawn) {
                if (b.contains(x, y)) {
                    tip.setText(ResidencyPainter.describe(b.block()));
                    return;
                }
            }
            tip.setText(drawn.isEmpty() ? "no containers" : "free");
        });
    }

    @Override
    protected void restyleFonts() {
        painter.fonts(FxGlyphs.atlas(style.bold(13)), FxGlyphs.atlas(style.font(12)), FxGlyphs.atlas(style.font(11)));
    }

    @Override
    protected int layout(int width, RasterTheme theme) {
        laidOut = vm.devices();
        return painter.layout(laidOut, width, theme);
    }

    @Override
    protected void paint(PixelRaster r, int w, int h, int scrollY, RasterTheme theme) {
        painter.paint(r, w, h, scrollY, theme);
        drawn = painter.blocks();
        captions = List.copyOf(painter.captions());
        drawnStyle = style.revision();
        StringBuilder text = new StringBuilder("Memory residency. ");
        for (List<String> c : captions) text.append(String.join(" · ", c)).append(". ");
        setAccessibleText(text.toString());
    }

    /** Updates from the view model (FX thread); repaints only when the devices or the style changed. */
    public void refresh() {
        if (vm.devices().equals(laidOut) && drawnStyle == style.revision()) return;
        repaint();
    }

    /** The blocks as last drawn: device, strip, container, place (tests, tooltips). */
    public List<DrawnBlock> drawnBlocks() {
        return drawn;
    }

    /** The devices' captions as last drawn, one list of lines per device. */
    public List<List<String>> drawnCaptions() {
        return captions;
    }
}
