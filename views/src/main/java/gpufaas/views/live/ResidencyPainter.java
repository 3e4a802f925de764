package gpufaas.views.live;

import gpufaas.engine.device.MemoryLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Paints the memory residency map into a {@link PixelRaster}: per device a caption (an
 * OVERSUBSCRIBED mark with the factor executions pay while running invocations need more than the
 * device has, capacity and use with the part held by containers' CUDA contexts, containers on the
 * device, moving and on the host, tokens in use, evictions, swaps, prefetches),
 * a strip of its memory with a block per container whose memory is on the device (filled) or
 * moving (striped), and a strip of the containers whose memory is on the host (pale, outlined);
 * a running container's block has a thick edge and ▶ before its name. {@link #layout} places
 * everything for a width, {@link #paint} draws the visible part. Plain Java.
 */
final class ResidencyPainter {
    static final String EMPTY = "Load an experiment to see each container's memory.";

    private GlyphAtlas caption;
    private GlyphAtlas label;
    private GlyphAtlas block;
    private List<DeviceState> devices = List.of();
    private final List<List<String>> captions = new ArrayList<>();
    private int[] tops = new int[0];
    private int[] stripY = new int[0];
    private int height;
    private int stripX;
    private int stripW;
    private int stripH;
    private List<DrawnBlock> blocks = List.of();

    void fonts(GlyphAtlas captionFont, GlyphAtlas labelFont, GlyphAtlas blockFont) {
        caption = captionFont;
        label = labelFont;
        block = blockFont;
    }

    /** Every block placed by the last {@link #layout}, devices in order, device strip before host strip. */
    List<DrawnBlock> blocks() {
        return blocks;
    }

    /** The captions placed by the last {@link #layout}, one list of lines per device. */
    List<List<String>> captions() {
        return captions;
    }

    /** Places {@code list} for {@code w} pixels; returns the content's height. */
    int layout(List<DeviceState> list, int w, RasterTheme t) {
        double s = t.scale();
        devices = list;
        captions.clear();
        tops = new int[list.size()];
        stripY = new int[list.size() * 2];
        stripH = (int) Math.round(26 * s);
        int pad = (int) Math.round(8 * s);
        int labelW = (int) Math.ceil(Math.max(Math.max(label.width("device"), label.width("host")), 4.5 * 13 * s));
        stripX = pad + labelW + 6;
        stripW = Math.max(20, w - pad - stripX);
        List<DrawnBlock> placed = new ArrayList<>();
        int y = 0;
        for (int i = 0; i < list.size(); i++) {
            DeviceState d = list.get(i);
            tops[i] = y;
            List<String> lines = wrap(caption(d), w - 2 * pad);
            captions.add(lines);
            y += 4 + lines.size() * caption.lineHeight() + 3;
            List<ContainerBlock> onDev = new ArrayList<>();
            List<ContainerBlock> onHost = new ArrayList<>();
            double hostMb = 0;
            for (ContainerBlock c : d.containers()) {
                if (c.location() == MemoryLocation.HOST) {
                    onHost.add(c);
                    hostMb += c.memMb();
                } else {
                    onDev.add(c);
                }
            }
            stripY[2 * i] = y;
            place(placed, i, false, onDev, d.memoryMb(), y);
            y += stripH + 3;
            stripY[2 * i + 1] = y;
            place(placed, i, true, onHost, Math.max(d.memoryMb(), hostMb), y);
            y += stripH + 6;
        }
        blocks = List.copyOf(placed);
        height = list.isEmpty() ? 2 * caption.lineHeight() : y;
        return height;
    }

    private void place(
            List<DrawnBlock> out, int device, boolean host, List<ContainerBlock> list, double capacity, int y) {
        double cap = Math.max(capacity, 1);
        double w = stripW - 2;
        double x = 1;
        for (ContainerBlock c : list) {
            double bw = Math.max(3, c.memMb() / cap * w);
            if (x + bw > w + 1) bw = Math.max(0, w + 1 - x);
            int a = (int) Math.round(x);
            int b = (int) Math.round(x + bw);
            if (b > a) out.add(new DrawnBlock(device, host, c, stripX + a, y + 1, b - a, stripH - 2));
            x += bw;
        }
    }

    /** The device's caption, one line. */
    static String caption(DeviceState d) {
        int onDev = 0;
        int moving = 0;
        int onHost = 0;
        for (ContainerBlock c : d.containers()) {
            if (c.location() == MemoryLocation.HOST) onHost++;
            else if (c.location() == MemoryLocation.DEVICE) onDev++;
            else moving++;
        }
        int n = d.containers().size();
        String contexts = d.contextMb() > 0
                ? String.format(
                        Locale.ROOT,
                        " (%,.0f MB of it the contexts of %d container%s)",
                        d.contextMb(),
                        n,
                        n == 1 ? "" : "s")
                : "";
        String over = d.oversubscribed()
                ? String.format(
                        Locale.ROOT,
                        "OVERSUBSCRIBED: running invocations need more "
                                + "memory than the device has; executions started now are %.2fx slower · ",
                        d.pagingFactor())
                : "";
        String gate = d.gateText();
        return String.format(
                Locale.ROOT,
                "%s%s (%s): %,.0f of %,.0f MB used%s · %d %s memory on device%s · %d on host · %d running of D=%d · "
                        + "%sevictions %,d · swaps out %,d · prefetches %,d",
                over,
                d.name(),
                d.kind(),
                d.usedMb(),
                d.memoryMb(),
                contexts,
                onDev,
                onDev == 1 ? "container's" : "containers'",
                moving > 0 ? " · " + moving + " moving" : "",
                onHost,
                d.inFlight(),
                d.dMax(),
                gate.isEmpty() ? "" : gate + " · ",
                d.evictions(),
                d.swapsOut(),
                d.prefetches());
    }

    /**
     * Splits {@code text} at " · " into lines no wider than {@code w}; a part wider than that is broken
     * between words, so no line is cut off.
     */
    private List<String> wrap(String text, int w) {
        if (caption.width(text) <= w) return List.of(text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String part : text.split(" · ")) {
            String next = line.isEmpty() ? part : line + " · " + part;
            if (caption.width(next) <= w) {
                line.setLength(0);
                line.append(next);
                continue;
            }
            if (!line.isEmpty()) lines.add(line.toString());
            line.setLength(0);
            for (String word : part.split(" ")) {
                String more = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && caption.width(more) > w) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(more);
                }
            }
        }
        if (!line.isEmpty()) lines.add(line.toString());
        return lines;
    }

    /** Paints the content laid out by {@link #layout}, scrolled up by {@code scrollY}. */
    void paint(PixelRaster r, int w, int h, int scrollY, RasterTheme t) {
        r.clear(t.background());
        int pad = (int) Math.round(8 * t.scale());
        if (devices.isEmpty()) {
            caption.draw(r, EMPTY, pad, caption.lineHeight(), t.muted(), w);
            return;
        }
        for (int i = 0; i < devices.size(); i++) {
            int top = tops[i] - scrollY;
            int bottom = stripY[2 * i + 1] + stripH + 6 - scrollY;
            if (bottom < 0 || top > h) continue;
            int y = top + 4;
            for (String line : captions.get(i)) {
                caption.draw(r, line, pad, y + caption.lineHeight() / 2.0, t.text(), w - 2);
                y += caption.lineHeight();
            }
            strip(r, "device", stripY[2 * i] - scrollY, pad, false, t);
            strip(r, "host", stripY[2 * i + 1] - scrollY, pad, true, t);
            if (i > 0) r.fillRect(0, top, w, top + 1, t.grid());
        }
        for (DrawnBlock b : blocks) {
            int y = b.y() - scrollY;
            if (y + b.h() < 0 || y > h) continue;
            block(r, b, y, t);
        }
    }

    private void strip(PixelRaster r, String name, int y, int pad, boolean host, RasterTheme t) {
        label.draw(r, name, pad, y + stripH / 2.0, t.muted(), stripX - 2);
        int x1 = stripX + stripW;
        r.fillRect(stripX, y, x1, y + stripH, host ? t.hostFill() : t.stripFill());
        if (host) r.dashedRect(stripX, y, x1, y + stripH, 4, 3, t.hostEdge());
        else r.strokeRect(stripX, y, x1, y + stripH, 1, t.stripEdge());
    }

    private void block(PixelRaster r, DrawnBlock b, int y, RasterTheme t) {
        ContainerBlock c = b.block();
        int col = FunctionPalette.argb(c.fn(), t.dark());
        int x0 = b.x();
        int x1 = b.x() + b.w();
        int y1 = y + b.h();
        switch (c.location()) {
            case DEVICE -> r.fillRect(x0, y, x1, y1, col);
            case MOVING_IN, MOVING_OUT -> {
                r.fillRect(x0, y, x1, y1, col);
                r.stripesDiagonal(x0, y, x1, y1, 20, 0xffffffff);
            }
            case HOST -> r.fillRect(x0, y, x1, y1, PixelRaster.blend(col, t.hostFill(), 0.22));
        }
        int edge = c.location() == MemoryLocation.HOST ? col : (t.dark() ? 0xffe6e9ee : 0xff1b1f24);
        int ew = c.busy() ? 3 : (c.location() == MemoryLocation.HOST ? 2 : 1);
        r.strokeRect(x0, y, x1, y1, ew, edge);
        if (b.w() < 12) return;
        boolean light = c.location() == MemoryLocation.DEVICE
                ? luminance(col) < 0.45
                : (c.location() == MemoryLocation.HOST && t.dark());
        block.draw(
                r,
                (c.busy() ? "▶ " : "") + c.function(),
                x0 + 4,
                y + b.h() / 2.0,
                light ? 0xffffffff : 0xff1b1f24,
                x1 - ew);
    }

    static String describe(ContainerBlock c) {
        return String.format(
                Locale.ROOT,
                "%s: container #%d, %,.0f MB, %s%s",
                c.function(),
                c.id(),
                c.memMb(),
                where(c.location()),
                c.busy() ? ", running" : ", idle");
    }

    static String where(MemoryLocation l) {
        return switch (l) {
            case DEVICE -> "memory on the device";
            case MOVING_IN -> "memory moving to the device";
            case MOVING_OUT -> "memory moving to the host";
            case HOST -> "memory on the host";
        };
    }

    private static double luminance(int argb) {
        return (0.2126 * ((argb >> 16) & 0xff) + 0.7152 * ((argb >> 8) & 0xff) + 0.0722 * (argb & 0xff)) / 255;
    }
}
