package gpufaas.views.live;

import gpufaas.engine.policy.FlowState;
import gpufaas.views.style.ViewStyle;
import java.util.List;
import javafx.scene.AccessibleRole;

/**
 * One row per flow: the function (with its colour), its state as a coloured chip with the state
 * written out and a shape (● Active, ‖ Throttled, ○ Inactive), the queue as a number and a bar,
 * invocations in flight, and a lane with the band [V, V+T], V as a line and the flow's start tag S
 * as a diamond. Painted into one image ({@link FlowTablePainter}) from the view model's rows; it
 * scrolls when there are more rows than fit.
 */
public final class FlowTableView extends RasterPane {
    private final LiveViewModel vm;
    private final FlowTablePainter painter = new FlowTablePainter();
    private volatile List<FlowLine> drawn = List.of();
    private volatile List<String> texts = List.of();
    private long drawnStyle = -1;

    public FlowTableView(LiveViewModel vm, ViewStyle style) {
        super(style);
        this.vm = vm;
        getStyleClass().add("flow-table");
        setAccessibleRole(AccessibleRole.TEXT);
    }

    @Override
    protected void restyleFonts() {
        painter.fonts(FxGlyphs.atlas(style.font(13)), FxGlyphs.atlas(style.bold(13)), FxGlyphs.atlas(style.font(12)));
    }

    @Override
    protected int minContentWidth(RasterTheme theme) {
        return painter.minWidth(vm.shownFlows(), theme);
    }

    @Override
    protected int layout(int width, RasterTheme theme) {
        return painter.contentHeight(vm.flows.size(), theme);
    }

    @Override
    protected void paint(PixelRaster r, int w, int h, int scrollY, RasterTheme theme) {
        List<FlowLine> lines = vm.shownFlows();
        painter.paint(r, w, h, scrollY, lines, theme);
        drawn = List.copyOf(lines);
        texts = List.copyOf(painter.texts());
        drawnStyle = style.revision();
        long throttled = lines.stream()
                .filter(l -> l.flow().state() == FlowState.THROTTLED)
                .count();
        setAccessibleText(String.format("Flows table: %d flows, %d throttled", lines.size(), throttled));
    }

    /** Repaints if the rows or the style changed since the last paint (FX thread). */
    public void draw() {
        if (drawnStyle == style.revision() && drawn.size() == vm.flows.size() && drawn.equals(vm.shownFlows())) return;
        repaint();
    }

    /** After a change of font scale or theme: rows and fonts follow. */
    public void restyle() {
        repaint();
    }

    /** The rows the table was last painted from, in order (all rows, not only those scrolled into view). */
    public List<FlowLine> drawnRows() {
        return drawn;
    }

    /** The texts the last paint wrote (header, then the visible rows' cells), in order. */
    public List<String> drawnTexts() {
        return texts;
    }

    /** The height of a row in pixels. */
    public int rowHeight() {
        return (int) Math.round(26 * style.scale());
    }
}
