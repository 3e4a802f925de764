package gpufaas.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.policy.FlowState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTablePainterTest {
    private static final int W = 1000;
    private static final int H = 200;
    private final RasterTheme theme = RasterTheme.light(1);

    private static FlowTablePainter painter() {
        FlowTablePainter p = new FlowTablePainter();
        p.fonts(BoxGlyphs.atlas(), BoxGlyphs.atlas(), BoxGlyphs.atlas());
        return p;
    }

    /** V = 10, T = 5; a: queued (filled tag), b: throttled and queued, c: in flight only (hollow tag). */
    private static List<FlowLine> lines() {
        List<FlowRow> rows = List.of(
                new FlowRow(0, "alpha", 4, 1, FlowState.ACTIVE, 12, 13),
                new FlowRow(1, "beta", 2, 0, FlowState.THROTTLED, 17, 18),
                new FlowRow(2, "gamma", 0, 1, FlowState.INACTIVE, 11, 11));
        TagScale scale = TagScale.of(10, 5, rows);
        List<FlowLine> out = new ArrayList<>();
        for (FlowRow r : rows) out.add(new FlowLine(r, 10, 5, scale, 4));
        return out;
    }

    private int rowCentre(FlowTablePainter p, int row) {
        return p.headerHeight() + row * FlowTablePainter.rowHeight(theme) + FlowTablePainter.rowHeight(theme) / 2;
    }

    /** x of virtual time {@code v} in the lane, as the painter computes it. */
    private int laneX(FlowLine l, double v) {
        int[] col = painter().columns(lines(), W, theme);
        int x0 = col[4] + 4;
        int x1 = col[5] - 4;
        return (int) Math.round(x0 + 4 + l.scale().share(v) * (x1 - x0 - 8 - 70));
    }

    @Test
    void paint_writesEveryColumn_stateInWordsAndColour() {
        FlowTablePainter p = painter();
        PixelRaster r = new PixelRaster();
        r.resize(W, H);
        p.paint(r, W, H, 0, lines(), theme);
        assertThat(p.texts()).containsSubsequence(FlowTablePainter.TITLES[0], FlowTablePainter.TITLES[4]);
        assertThat(p.texts())
                .containsSubsequence(
                        "alpha",
                        "● Active",
                        "4",
                        "1",
                        "S 12.00",
                        "beta",
                        "‖ Throttled",
                        "2",
                        "0",
                        "S 17.00",
                        "gamma",
                        "○ Inactive",
                        "0",
                        "1",
                        "S 11.00");
        int[] col = painter().columns(lines(), W, theme);
        // the state chip's colour, left of its text
        assertThat(r.get(col[1] + 10, rowCentre(p, 0))).isEqualTo(theme.active());
        assertThat(r.get(col[1] + 10, rowCentre(p, 1))).isEqualTo(theme.throttled());
        assertThat(r.get(col[1] + 10, rowCentre(p, 2))).isEqualTo(theme.inactive());
        // the function's colour square
        assertThat(r.get(col[0] + 12, rowCentre(p, 1))).isEqualTo(PixelRaster.rgb(FunctionPalette.colour(1)));
        // queue bars: the longest queue fills its column, an empty queue draws none
        int barLeft = col[2] + 44;
        assertThat(r.get(barLeft + 2, rowCentre(p, 0))).isEqualTo(PixelRaster.rgb(FunctionPalette.colour(0)));
        assertThat(r.get(col[3] - 12, rowCentre(p, 0))).isEqualTo(PixelRaster.rgb(FunctionPalette.colour(0)));
        assertThat(r.get(barLeft + 2, rowCentre(p, 2))).isNotEqualTo(PixelRaster.rgb(FunctionPalette.colour(2)));
    }

    @Test
    void lane_showsVTheBandAndTagsFilledWhenQueuedHollowOtherwise() {
        FlowTablePainter p = painter();
        PixelRaster r = new PixelRaster();
        r.resize(W, H);
        List<FlowLine> lines = lines();
        p.paint(r, W, H, 0, lines, theme);
        FlowLine a = lines.get(0);
        int y = rowCentre(p, 0) - 8;
        assertThat(r.get(laneX(a, 10), y)).as("V").isEqualTo(theme.strong());
        assertThat(r.get((laneX(a, 10) + laneX(a, 15)) / 2, y))
                .as("inside the band")
                .isEqualTo(theme.band());
        assertThat(r.get(laneX(a, 15) + 6, y)).as("past V+T").isNotEqualTo(theme.band());
        assertThat(r.get(laneX(a, 12), rowCentre(p, 0)))
                .as("queued: filled with its state")
                .isEqualTo(theme.active());
        assertThat(r.get(laneX(a, 17), rowCentre(p, 1))).isEqualTo(theme.throttled());
        FlowLine c = lines.get(2);
        assertThat(r.get(laneX(c, 11), rowCentre(p, 2)))
                .as("nothing queued: hollow")
                .isNotEqualTo(theme.inactive());
        int rad = (int) Math.min((FlowTablePainter.rowHeight(theme) - 7) / 2.0 - 1, 7);
        assertThat(r.get(laneX(c, 11) - rad, rowCentre(p, 2))).as("its outline").isEqualTo(theme.inactive());
    }

    @Test
    void scrolled_drawsFromTheFirstVisibleRow_headerStays() {
        FlowTablePainter p = painter();
        PixelRaster r = new PixelRaster();
        r.resize(W, H);
        p.paint(r, W, H, FlowTablePainter.rowHeight(theme), lines(), theme);
        assertThat(p.texts())
                .contains(FlowTablePainter.TITLES[1], "beta", "gamma")
                .doesNotContain("alpha");
    }

    @Test
    void withoutTags_andWithoutFlows_theLaneAndTheTableSaySo() {
        FlowTablePainter p = painter();
        PixelRaster r = new PixelRaster();
        r.resize(W, H);
        FlowRow fcfs = new FlowRow(0, "alpha", 1, 0, FlowState.ACTIVE, Double.NaN, Double.NaN);
        p.paint(r, W, H, 0, List.of(new FlowLine(fcfs, Double.NaN, Double.NaN, null, 1)), theme);
        assertThat(p.texts()).contains("no virtual time: this policy keeps no tags");
        p.paint(r, W, H, 0, List.of(), theme);
        assertThat(p.texts()).contains(FlowTablePainter.EMPTY);
    }

    @Test
    void darkTheme_andPresenterScale_changeColoursAndRows() {
        FlowTablePainter p = painter();
        PixelRaster r = new PixelRaster();
        r.resize(W, H);
        RasterTheme dark = RasterTheme.dark(1.5);
        p.paint(r, W, H, 0, lines(), dark);
        assertThat(r.get(W - 5, H - 5)).isEqualTo(dark.background());
        assertThat(FlowTablePainter.rowHeight(dark)).isGreaterThan(FlowTablePainter.rowHeight(theme));
        assertThat(painter().columns(lines(), W, dark)[4])
                .isGreaterThan(painter().columns(lines(), W, theme)[4]);
    }
}
