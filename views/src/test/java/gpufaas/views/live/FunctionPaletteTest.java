package gpufaas.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionPaletteTest {

    @Test
    void argb_onTheDarkTheme_everyFunctionStandsOutThreeToOne() {
        for (int fn = 0; fn < FunctionPalette.size(); fn++) {
            int c = FunctionPalette.argb(fn, true);
            assertThat(FunctionPalette.contrast(c, FunctionPalette.DARK_BACKGROUND))
                    .as("function %d (%s) shown as %06x", fn, FunctionPalette.colour(fn), c & 0xffffff)
                    .isGreaterThanOrEqualTo(FunctionPalette.MIN_CONTRAST);
        }
    }

    @Test
    void argb_black_isLightOnDarkAndBlackOnLight() {
        int black = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
                .indexOf("#000000");
        assertThat(FunctionPalette.colour(black)).isEqualTo("#000000");
        assertThat(FunctionPalette.argb(black, false)).isEqualTo(0xff000000);
        assertThat(FunctionPalette.luminance(FunctionPalette.argb(black, true))).isGreaterThan(0.15);
    }

    @Test
    void argb_coloursThatAlreadyStandOut_areKept() {
        assertThat(FunctionPalette.argb(0, true)).isEqualTo(0xff0072b2);
        assertThat(FunctionPalette.argb(1, true)).isEqualTo(0xffe69f00);
    }
}
