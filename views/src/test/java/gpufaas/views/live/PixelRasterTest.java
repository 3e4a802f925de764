package gpufaas.views.live;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PixelRasterTest {

    @Test
    void fillRect_isClippedToTheBufferAndShiftedByTheOrigin() {
        PixelRaster r = new PixelRaster();
        r.resize(10, 4);
        r.clear(0xff000000);
        r.setOriginX(100);
        r.fillRect(95, -3, 102, 2, 0xffffffff);
        assertThat(r.get(0, 0)).isEqualTo(0xffffffff);
        assertThat(r.get(1, 1)).isEqualTo(0xffffffff);
        assertThat(r.get(2, 1)).isEqualTo(0xff000000);
        assertThat(r.get(0, 2)).isEqualTo(0xff000000);
        r.fillRect(200, 0, 300, 4, 0xff00ff00); // outside: nothing
        assertThat(r.get(9, 3)).isEqualTo(0xff000000);
    }

    @Test
    void shapes_stayInsideTheBuffer() {
        PixelRaster r = new PixelRaster();
        r.resize(8, 8);
        r.clear(0);
        r.triangleDown(0, 7, 10, 0xff123456);
        r.cross(7, 0, 5, 0xff654321);
        r.arrow(3, 7, 0, 0xffabcdef);
        r.line(-5, -5, 20, 20, 0xff111111);
        assertThat(r.get(3, 3)).isEqualTo(0xff111111);
    }

    @Test
    void blend_andDarker_giveOpaqueColours() {
        assertThat(PixelRaster.blend(0xff000000, 0xffffffff, 0.5)).isEqualTo(0xff808080);
        assertThat(PixelRaster.darker(0xff6464ff)).isEqualTo(0xff4646b2);
        assertThat(PixelRaster.rgb("#0072B2")).isEqualTo(0xff0072b2);
    }
}
