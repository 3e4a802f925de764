package gpufaas.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.live.FxGlyphs;
import gpufaas.views.live.GlyphAtlas;
import gpufaas.views.live.PixelRaster;
import gpufaas.views.run.RunStatus;
import gpufaas.views.style.ViewStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The painted tables' glyphs, made while the real window shows (where JavaFX has already drawn the
 * same letters in labels): every lower-case letter without ascender or descender (round or square)
 * sits on the baseline of "x" and reaches its x-height (a glyph drawn at a fractional baseline once came out a row low, "iₛoneural").
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GlyphBaselineIT {
    private MainWindow w;

    @Start
    void start(Stage stage) {
        w = WindowTests.open(stage, MainWindowIT.services(), 1400, 900, "teaching-3");
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(w::close);
    }

    /** The top and bottom rows of {@code c}'s ink (coverage above 40 %). */
    private static int[] rows(GlyphAtlas a, char c) {
        PixelRaster r = new PixelRaster();
        r.resize(80, a.lineHeight());
        r.clear(0xff000000);
        a.draw(r, String.valueOf(c), 8, a.lineHeight() / 2.0, 0xffffffff, 80);
        int top = -1;
        int bottom = -1;
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                if ((r.get(x, y) & 0xff) > 100) {
                    if (top < 0) top = y;
                    bottom = y;
                }
            }
        }
        return new int[] {top, bottom};
    }

    @Test
    void paintedTableFonts_afterTheWindowDrewText_xHeightLettersShareTheRowsOfX(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> w.transport().status.get() == RunStatus.READY);
        robot.interact(() -> w.select(WorkbenchTab.DECISIONS));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> wrong = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            List<String> out = new ArrayList<>();
            ViewStyle style = new ViewStyle();
            for (double scale : new double[] {1, 1.5}) {
                style.set(false, scale);
                for (Font f : List.of(style.font(13), style.bold(13), style.font(12), style.font(11))) {
                    GlyphAtlas a = FxGlyphs.atlas(f);
                    int[] x = rows(a, 'x');
                    for (char c : "acemnorsuz".toCharArray()) {
                        int[] r = rows(a, c);
                        if (r[1] != x[1] || Math.abs(r[0] - x[0]) > 1) {
                            out.add(f.getName() + " " + f.getSize() + ": '" + c + "' rows " + r[0] + "-" + r[1]
                                    + ", 'x' " + x[0] + "-" + x[1]);
                        }
                    }
                }
            }
            return out;
        });
        assertThat(wrong).isEmpty();
    }
}
