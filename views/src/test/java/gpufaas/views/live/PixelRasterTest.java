package gpufaas.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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

    @Test
    void blendMask_mixesByCoverage_andClips() {
        PixelRaster r = new PixelRaster();
        r.resize(4, 1);
        r.clear(0xffffffff);
        byte[] mask = {(byte) 255, (byte) 128, 0, (byte) 255};
        r.blendMask(mask, 4, 1, 0, 0, 0xff000000, 0, 3);
        assertThat(r.get(0, 0)).isEqualTo(0xff000000);
        assertThat(r.get(1, 0)).isEqualTo(0xff7f7f7f);
        assertThat(r.get(2, 0)).isEqualTo(0xffffffff);
        assertThat(r.get(3, 0)).as("clipped").isEqualTo(0xffffffff);
    }

    @Test
    void diamondsRoundRectsAndStripes_stayInsideTheirBounds() {
        PixelRaster r = new PixelRaster();
        r.resize(20, 20);
        r.clear(0);
        r.fillDiamond(10, 10, 4, 0xff111111);
        assertThat(r.get(10, 10)).isEqualTo(0xff111111);
        assertThat(r.get(10, 6)).isEqualTo(0xff111111);
        assertThat(r.get(7, 7)).isZero();
        r.clear(0);
        r.strokeDiamond(10, 10, 4, 1, 0xff222222);
        assertThat(r.get(6, 10)).isEqualTo(0xff222222);
        assertThat(r.get(10, 10)).as("hollow").isZero();
        r.clear(0);
        r.fillRoundRect(0, 0, 20, 10, 5, 0xff333333);
        assertThat(r.get(0, 0)).as("a rounded corner").isZero();
        assertThat(r.get(10, 0)).isEqualTo(0xff333333);
        assertThat(r.get(0, 5)).isEqualTo(0xff333333);
        r.clear(0);
        r.stripesDiagonal(0, 0, 20, 20, 10, 0xff444444);
        assertThat(r.get(0, 0)).isZero();
        assertThat(r.get(5, 0)).isEqualTo(0xff444444);
        assertThat(r.get(0, 5)).isEqualTo(0xff444444);
    }
}
