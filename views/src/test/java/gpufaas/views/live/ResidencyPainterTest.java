package gpufaas.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.device.MemoryLocation;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ResidencyPainterTest {
    private final RasterTheme theme = RasterTheme.light(1);

    private static ResidencyPainter painter() {
        ResidencyPainter p = new ResidencyPainter();
        p.fonts(BoxGlyphs.atlas(), BoxGlyphs.atlas(), BoxGlyphs.atlas());
        return p;
    }

    private static DeviceState gpu() {
        return new DeviceState(
                0,
                "gpu-0",
                "GPU",
                4000,
                1500,
                0,
                false,
                1,
                1,
                2,
                3,
                4,
                5,
                List.of(
                        new ContainerBlock(1, 0, "alpha", 1000, MemoryLocation.DEVICE, true),
                        new ContainerBlock(2, 1, "beta", 500, MemoryLocation.MOVING_IN, false),
                        new ContainerBlock(3, 2, "gamma", 2000, MemoryLocation.HOST, false)));
    }

    @Test
    void layout_putsEachContainerInItsStrip_asWideAsItsShare() {
        ResidencyPainter p = painter();
        int h = p.layout(List.of(gpu(), gpu()), 1200, theme);
        List<DrawnBlock> blocks = p.blocks();
        assertThat(blocks).hasSize(6);
        assertThat(blocks)
                .filteredOn(b -> b.device() == 0 && !b.host())
                .extracting(b -> b.block().function())
                .containsExactly("alpha", "beta");
        assertThat(blocks)
                .filteredOn(b -> b.device() == 0 && b.host())
                .extracting(b -> b.block().function())
                .containsExactly("gamma");
        DrawnBlock alpha = blocks.get(0);
        DrawnBlock beta = blocks.get(1);
        assertThat(alpha.w()).isCloseTo(2 * beta.w(), Offset.offset(1));
        assertThat(blocks.get(3).y())
                .as("the second device lies below the first")
                .isGreaterThan(blocks.get(2).y());
        assertThat(h).isGreaterThan(blocks.get(5).y() + blocks.get(5).h());
        assertThat(p.captions().get(0).get(0))
                .startsWith(
                        "gpu-0 (GPU): 1,500 of 4,000 MB used · 1 container's memory on device · 1 moving · 1 on host")
                .endsWith("1 running of D=2 · evictions 3 · swaps out 4 · prefetches 5");
    }

    @Test
    void paint_fillsOnDevice_stripesMoving_palesOnHost_thickEdgeWhenRunning() {
        ResidencyPainter p = painter();
        int h = p.layout(List.of(gpu()), 1200, theme);
        PixelRaster r = new PixelRaster();
        r.resize(1200, h);
        p.paint(r, 1200, h, 0, theme);
        List<DrawnBlock> b = p.blocks();
        int alpha = PixelRaster.rgb(FunctionPalette.colour(0));
        DrawnBlock running = b.get(0);
        assertThat(r.get(running.x() + running.w() - 6, running.y() + running.h() - 6))
                .isEqualTo(alpha);
        assertThat(r.get(running.x() + 2, running.y() + running.h() / 2))
                .as("running: a 3-pixel edge")
                .isEqualTo(0xff1b1f24);
        DrawnBlock moving = b.get(1);
        Set<Integer> colours = new HashSet<>();
        for (int x = moving.x() + 2; x < moving.x() + moving.w() - 2; x++)
            colours.add(r.get(x, moving.y() + moving.h() - 3));
        assertThat(colours).contains(0xffffffff, PixelRaster.rgb(FunctionPalette.colour(1)));
        DrawnBlock host = b.get(2);
        int gamma = PixelRaster.rgb(FunctionPalette.colour(2));
        assertThat(r.get(host.x() + host.w() - 5, host.y() + host.h() - 4))
                .isEqualTo(PixelRaster.blend(gamma, theme.hostFill(), 0.22));
        assertThat(r.get(host.x(), host.y() + host.h() / 2))
                .as("on host: outlined in its colour")
                .isEqualTo(gamma);
    }

    @Test
    void narrowView_wrapsTheCaption_andNoDevicesSaySo() {
        ResidencyPainter p = painter();
        p.layout(List.of(gpu()), 400, theme);
        assertThat(p.captions().get(0)).hasSizeGreaterThan(1);
        assertThat(String.join(" · ", p.captions().get(0))).isEqualTo(ResidencyPainter.caption(gpu()));
        for (String line : p.captions().get(0)) assertThat(line.length() * 6).isLessThanOrEqualTo(400 - 16);
        assertThat(p.layout(List.of(), 400, theme)).isPositive();
        assertThat(p.blocks()).isEmpty();
    }

    @Test
    void caption_namesTheContextsMemory_andMarksAnOversubscribedDevice() {
        DeviceState idle = new DeviceState(
                0,
                "a30-0",
                "GPU",
                24576,
                4800,
                4800,
                false,
                1,
                0,
                2,
                0,
                0,
                0,
                Collections.nCopies(16, new ContainerBlock(1, 0, "f", 1024, MemoryLocation.HOST, false)));
        assertThat(ResidencyPainter.caption(idle))
                .startsWith("a30-0 (GPU): 4,800 of 24,576 MB used (4,800 MB of it the contexts of "
                        + "16 containers) · 0 containers' memory on device · 16 on host");
        DeviceState over = new DeviceState(
                1, "a30-0/1g.6gb-0", "MIG instance", 6144, 7344, 600, true, 1.4, 2, 2, 0, 0, 0, List.of());
        assertThat(ResidencyPainter.caption(over))
                .startsWith(
                        "OVERSUBSCRIBED: running invocations need more memory than the device "
                                + "has; executions started now are 1.40x slower · a30-0/1g.6gb-0 (MIG instance): 7,344 of 6,144 MB used");
    }
}
