package gpufaas.views.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.StartType;
import gpufaas.views.live.BoxGlyphs;
import gpufaas.views.live.PixelRaster;
import gpufaas.views.live.RasterTheme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionTablePainterTest {
    private static final int W = 1100;
    private static final int H = 200;
    private static final int SELECTION = 0xff0a6ebd;
    private final RasterTheme theme = RasterTheme.light(1);

    private static DecisionTablePainter painter() {
        DecisionTablePainter p = new DecisionTablePainter();
        p.fonts(BoxGlyphs.atlas(), BoxGlyphs.atlas());
        return p;
    }

    private static DecisionRecord record(long seq) {
        return new DecisionRecord(
                seq,
                seq * 1_000_000,
                seq + 100,
                0,
                "fn" + seq,
                "a30-0",
                seq % 2 == 0 ? StartType.WARM : StartType.COLD,
                250,
                "mqfq-sticky",
                10,
                5,
                12,
                List.of(),
                List.of(),
                0,
                1000,
                24000,
                1,
                1,
                4);
    }

    private static List<DecisionRecord> records(int n) {
        List<DecisionRecord> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) out.add(record(i));
        return out;
    }

    @Test
    void paint_longLog_writesOnlyTheRowsInViewWithEveryColumn() {
        DecisionTablePainter p = painter();
        PixelRaster r = new PixelRaster();
        r.resize(W, H);
        List<DecisionRecord> rows = records(50_000);
        int rowH = DecisionTablePainter.rowHeight(theme);
        int scroll = 1000 * rowH; // row 1000 (decision #1001) at the top
        p.paint(r, W, H, scroll, rows, List.of(), List.of(), -1, false, SELECTION, theme);
        List<String> texts = p.texts();
        int inView = (int) Math.ceil((H - p.headerHeight()) / (double) rowH) + 1;
        assertThat(texts.size()).isLessThanOrEqualTo(8 * (inView + 1));
        assertThat(texts.subList(0, 8)).containsExactly(DecisionTablePainter.cells(rows.get(1000), ""));
        assertThat(texts).contains("#", "time (s)", "function", "device", "start", "queued (s)", "anomaly", "why");
        assertThat(texts).doesNotContain("fn1000", "fn1").contains("fn1001", "cold start", "0.250");
        assertThat(texts).anyMatch(t -> t.startsWith("cold start · S 12.00 ≤ V+T 15.00"));
    }

    @Test
    void paint_selectedRow_isHighlightedAndRowAtFindsIt() {
        DecisionTablePainter p = painter();
        PixelRaster r = new PixelRaster();
        r.resize(W, H);
        List<DecisionRecord> rows = records(3);
        p.paint(r, W, H, 0, rows, List.of(), List.of(), 1, true, SELECTION, theme);
        int rowH = DecisionTablePainter.rowHeight(theme);
        int y1 = p.headerHeight() + rowH + rowH / 2;
        assertThat(r.get(W - 5, y1)).isEqualTo(SELECTION);
        assertThat(r.get(W - 5, y1 - rowH)).isNotEqualTo(SELECTION);
        assertThat(p.rowAt(y1, 0, rows.size(), theme)).isEqualTo(1);
        assertThat(p.rowAt(2, 0, rows.size(), theme)).as("the header").isEqualTo(-1);
        assertThat(p.rowAt(p.headerHeight() + 5.5 * rowH, 0, rows.size(), theme))
                .as("past the end")
                .isEqualTo(-1);
        assertThat(p.rowAt(p.headerHeight() + 1, 2 * rowH, 10, theme))
                .as("scrolled by two rows")
                .isEqualTo(2);
    }

    @Test
    void paint_noDecisions_saysHowToGetSome() {
        DecisionTablePainter p = painter();
        PixelRaster r = new PixelRaster();
        r.resize(W, H);
        p.paint(r, W, H, 0, List.of(), List.of(), List.of(), -1, false, SELECTION, theme);
        assertThat(p.texts()).contains(DecisionTablePainter.EMPTY);
    }
}
