package gpufaas.views.live;

import gpufaas.views.style.ViewStyle;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The device timeline: one band per device (GPU, MIG instance, CPU pool) split into lanes, one per
 * token slot; each lane shows what ran over the chosen window of simulated time, coloured by
 * function, container starts with vertical stripes, prefetches with horizontal stripes, and markers
 * above the band for cold starts (▼), memory moving to the host (↑) or to the device (↓) and
 * evictions (×). The bands are painted into a pixel buffer shown as one image (cheap for JavaFX's
 * software renderer however many stretches there are); the words are drawn on a canvas above it.
 */
public final class DeviceTimelineView extends Region {
    private static final String[] LEGEND = {"running (colour: function)", "container start", "prefetch", "cold start",
        "to host", "to device", "eviction"};

    private final LiveViewModel vm;
    private final ViewStyle style;
    private final ImageView image = new ImageView();
    /** device names (left of the plot) and the legend (below it): redrawn only when the layout changes */
    private final Canvas words = new Canvas();
    private final Canvas legend = new Canvas();
    /** the time axis' labels: a thin strip redrawn with the plot */
    private final Canvas axis = new Canvas();
    private String wordsDrawn = "";
    private PixelRaster raster = new PixelRaster();
    private final RasterImage shown = new RasterImage(image);
    private final List<int[]> colours = new ArrayList<>();
    private double[] legendWidths;
    private long legendStyle = -1;

    public DeviceTimelineView(LiveViewModel vm, ViewStyle style) {
        this.vm = vm;
        this.style = style;
        image.setSmooth(false);
        axis.setManaged(false);
        legend.setManaged(false);
        image.setManaged(false);
        getChildren().addAll(image, words, axis, legend);
        getStyleClass().add("device-timeline");
        setMinHeight(80);
    }

    private double width;
    private double height;

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (width != w || height != h) {
            width = w;
            height = h;
            draw();
        }
    }

    private static void place(Canvas c, double x, double y, double w, double h) {
        if (c.getWidth() != w) c.setWidth(w);
        if (c.getHeight() != h) c.setHeight(h);
        if (c.getLayoutX() != x || c.getLayoutY() != y) c.relocate(x, y);
    }

    @Override
    protected double computePrefHeight(double width) {
        double s = style.scale();
        double rows = 0;
        for (DeviceState d : vm.devices()) rows += Math.max(1, d.dMax()) * 14 * s + 16 * s + 6;
        return Math.max(120, rows + 50 * s);
    }

    /** Function {@code fn}'s colours: {plain, pale (35 % over the background), darker}. */
    private int[] colour(int fn, int background) {
        int k = Math.floorMod(fn, FunctionPalette.size());
        while (colours.size() <= k) colours.add(null);
        int[] c = colours.get(k);
        if (c == null || c[3] != background) {
            int plain = FunctionPalette.argb(k, style.dark());
            c = new int[] {plain, PixelRaster.blend(plain, background, 0.35), PixelRaster.darker(plain), background};
            colours.set(k, c);
        }
        return c;
    }

    private static int argb(javafx.scene.paint.Color c) {
        return 0xff000000 | ((int) Math.round(c.getRed() * 255) << 16) | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Redraws from the view model (FX thread). */
    public void draw() {
        int w = (int) width;
        int h = (int) height;
        if (w < 50 || h < 30) return;
        place(words, 0, 0, w, h);
        GraphicsContext g = words.getGraphicsContext2D();
        double s = style.scale();
        int bg = argb(style.background());
        int gridColour = argb(style.grid());
        int strong = argb(style.strong());
        List<DeviceState> devices = vm.devices();
        if (devices.isEmpty()) {
            g.clearRect(0, 0, w, h);
            axis.getGraphicsContext2D().clearRect(0, 0, axis.getWidth(), axis.getHeight());
            legend.getGraphicsContext2D().clearRect(0, 0, legend.getWidth(), legend.getHeight());
            image.setVisible(false);
            wordsDrawn = "";
            g.setFill(style.muted());
            g.setFont(style.font(13));
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Load an experiment to see what runs on each device.", 12, h / 2.0);
            return;
        }
        image.setVisible(true);
        int labelW = (int) Math.min(w * 0.3, 150 * s);
        int axisH = (int) (22 * s);
        int legendH = (int) (24 * s);
        int markerH = (int) (14 * s);
        int gap = 6;
        int[] lanes = lanesPerDevice(devices);
        int totalLanes = 0;
        for (int l : lanes) totalLanes += l;
        double avail = h - axisH - legendH - devices.size() * (markerH + gap) - 4;
        int laneH = (int) Math.max(2, Math.min(40 * s, avail / Math.max(1, totalLanes)));
        long window = vm.windowUs();
        long now = vm.nowUs();
        long t0 = Math.max(0, now - window);
        long t1 = t0 + window;
        int x0 = labelW;
        int plotW = w - labelW - 10;
        int[] rowTop = new int[devices.size()];
        int y = 4;
        int maxIndex = 0;
        for (DeviceState d : devices) maxIndex = Math.max(maxIndex, d.index());
        int[] rowOf = new int[maxIndex + 1];
        java.util.Arrays.fill(rowOf, -1);
        for (int i = 0; i < devices.size(); i++) {
            rowOf[devices.get(i).index()] = i;
            rowTop[i] = y + markerH;
            y += markerH + lanes[i] * laneH + gap;
        }
        int plotBottom = y;
        // the plot is a pixel buffer from x0 to the right edge, above the axis
        raster.resize(w - x0, plotBottom);
        raster.setOriginX(x0);
        raster.clear(bg);
        place(words, 0, 0, x0, plotBottom);
        place(axis, 0, plotBottom, w, axisH);
        place(legend, 0, h - legendH, w, legendH);
        drawAxis(axis.getGraphicsContext2D(), x0, plotW, plotBottom, t0, window, s, gridColour, w, axisH);
        StringBuilder sig = new StringBuilder().append(w).append('x').append(h).append('/').append(style.revision()).append('/')
                .append(laneH);
        for (int i = 0; i < devices.size(); i++) sig.append('/').append(devices.get(i).name()).append(':').append(lanes[i]);
        boolean redrawWords = !sig.toString().equals(wordsDrawn);
        if (redrawWords) {
            wordsDrawn = sig.toString();
            g.clearRect(0, 0, w, h);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < devices.size(); i++) {
            DeviceState d = devices.get(i);
            int top = rowTop[i];
            int bandH = lanes[i] * laneH;
            raster.fillRect(x0, top, x0 + plotW, top + bandH, gridColour);
            if (!redrawWords) continue;
            g.setFill(style.text());
            g.setFont(style.bold(12));
            g.fillText(d.name(), 6, top + Math.min(bandH, 16 * s) / 2, labelW - 10);
            if (bandH > 26 * s) {
                g.setFill(style.muted());
                g.setFont(style.font(11));
                g.fillText(d.kind() + " · D=" + d.dMax(), 6, top + 16 * s + 6 * s, labelW - 10);
            }
        }
        double pxPerUs = (double) plotW / window;
        for (TimelineSegment seg : vm.timeline().allSegments()) {
            if (seg.toUs() < t0 || seg.fromUs() > t1) continue;
            int row = seg.device() < rowOf.length ? rowOf[seg.device()] : -1;
            if (row < 0 || seg.lane() >= lanes[row]) continue;
            int a = x0 + (int) ((Math.max(seg.fromUs(), t0) - t0) * pxPerUs);
            int b = x0 + (int) Math.round((Math.min(seg.toUs(), t1) - t0) * pxPerUs);
            fillPhase(seg.phase(), seg.fn(), a, rowTop[row] + seg.lane() * laneH + 1, Math.max(a + 1, b), laneH - 2, bg);
        }
        for (RunningInvocation r : vm.running()) {
            int row = r.device() < rowOf.length ? rowOf[r.device()] : -1;
            if (row < 0 || r.lane() >= lanes[row]) continue;
            int top = rowTop[row] + r.lane() * laneH + 1;
            long setupEnd = r.startUs() >= 0 ? r.startUs() : now;
            if (r.setup() != Phase.EXEC && setupEnd > r.dispatchUs()) {
                int a = x0 + (int) ((Math.max(r.dispatchUs(), t0) - t0) * pxPerUs);
                int b = x0 + (int) Math.round((Math.min(setupEnd, t1) - t0) * pxPerUs);
                fillPhase(r.setup(), r.fn(), a, top, Math.max(a + 1, b), laneH - 2, bg);
            }
            if (r.startUs() >= 0) {
                int a = x0 + (int) ((Math.max(r.startUs(), t0) - t0) * pxPerUs);
                int b = x0 + (int) Math.round((Math.min(now, t1) - t0) * pxPerUs);
                fillPhase(Phase.EXEC, r.fn(), a, top, Math.max(a + 1, b), laneH - 2, bg);
            }
        }
        for (TimelineMarker m : vm.timeline().allMarkers()) {
            if (m.atUs() < t0 || m.atUs() > t1) continue;
            int row = m.device() < rowOf.length ? rowOf[m.device()] : -1;
            if (row < 0) continue;
            int x = x0 + (int) ((m.atUs() - t0) * pxPerUs);
            marker(m.kind(), x, rowTop[row] - markerH / 2, (int) (markerH * 0.4), strong);
        }
        int xn = x0 + (int) ((Math.min(now, t1) - t0) * pxPerUs);
        raster.fillRect(xn - 1, 2, xn + 1, plotBottom, strong);
        if (redrawWords) drawLegend(legend.getGraphicsContext2D(), 8, legendH / 2, s, bg, strong);
        push(x0);
    }

    private void push(int x0) {
        if (image.getLayoutX() != x0) image.relocate(x0, 0);
        shown.show(raster);
    }

    private int[] lanesPerDevice(List<DeviceState> devices) {
        int[] lanes = new int[devices.size()];
        Map<Integer, Integer> rowOf = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            lanes[i] = Math.max(1, devices.get(i).dMax());
            rowOf.put(devices.get(i).index(), i);
        }
        for (RunningInvocation r : vm.running()) {
            Integer row = rowOf.get(r.device());
            if (row != null) lanes[row] = Math.max(lanes[row], r.lane() + 1);
        }
        for (int i = 0; i < lanes.length; i++) lanes[i] = Math.min(lanes[i], 16);
        return lanes;
    }

    private void fillPhase(Phase phase, int fn, int x0, int y0, int x1, int h, int bg) {
        int[] c = colour(fn, bg);
        int y1 = y0 + Math.max(1, h);
        switch (phase) {
            case EXEC -> raster.fillRect(x0, y0, x1, y1, c[0]);
            case COLD_START, PREFETCH -> {
                raster.fillRect(x0, y0, x1, y1, c[1]);
                if (phase == Phase.COLD_START) raster.stripesVertical(x0, y0, x1, y1, 4, c[2]);
                else raster.stripesHorizontal(x0, y0, x1, y1, 3, c[2]);
                raster.fillRect(x0, y0, x1, y0 + 1, c[2]);
                raster.fillRect(x0, y1 - 1, x1, y1, c[2]);
            }
        }
    }

    private void marker(TimelineMarker.Kind kind, int x, int cy, int r, int strong) {
        switch (kind) {
            case COLD_START -> raster.triangleDown(x, cy + r, r, strong);
            case SWAP_OUT -> raster.arrow(x, cy + r, cy - r, 0xffE69F00);
            case PREFETCH -> raster.arrow(x, cy - r, cy + r, 0xff56B4E9);
            case EVICTION -> raster.cross(x, cy, r, 0xffD55E00);
        }
    }

    private void drawAxis(GraphicsContext g, int x0, int plotW, int bottom, long t0, long window, double s, int gridColour,
                          int w, int axisH) {
        g.clearRect(0, 0, w, axisH);
        double windowS = window / 1e6;
        double minStep = windowS * 90 * s / Math.max(plotW, 1);
        double step = niceStep(minStep);
        g.setFont(style.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.setFill(style.muted());
        double start = Math.ceil(t0 / 1e6 / step) * step;
        for (double t = start; t <= t0 / 1e6 + windowS + 1e-9; t += step) {
            int x = x0 + (int) Math.round((t - t0 / 1e6) / windowS * plotW);
            raster.fillRect(x, 2, x + 1, bottom, gridColour);
            g.fillText(label(t, step), x, 3);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    static double niceStep(double min) {
        double mag = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-6))));
        for (double m : new double[] {1, 2, 5, 10}) if (m * mag >= min) return m * mag;
        return 10 * mag;
    }

    private static String label(double t, double step) {
        if (step >= 60 && t >= 60) {
            long whole = Math.round(t);
            return (whole / 60) + ":" + String.format("%02d", whole % 60);
        }
        if (step >= 1) return String.format("%.0f s", t);
        return String.format("%.1f s", t);
    }

    private void drawLegend(GraphicsContext g, int x, int cy, double s, int bg, int strong) {
        g.clearRect(0, 0, legend.getWidth(), legend.getHeight());
        g.setFont(style.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        if (legendStyle != style.revision() || legendWidths == null) {
            legendWidths = new double[LEGEND.length];
            for (int i = 0; i < LEGEND.length; i++) {
                Text t = new Text(LEGEND[i]);
                t.setFont(g.getFont());
                legendWidths[i] = t.getLayoutBounds().getWidth();
            }
            legendStyle = style.revision();
        }
        int box = (int) (11 * s);
        int wide = (int) (box * 1.6);
        // the legend's swatches are painted like the plot, in a small raster, then drawn as an image
        PixelRaster r = new PixelRaster();
        int total = 0;
        for (int i = 0; i < LEGEND.length; i++) total += (i == 1 || i == 2 ? wide : box) + 4 + (int) legendWidths[i] + (int) (14 * s);
        r.resize(total + 8, box + 4);
        r.clear(bg);
        double xx = 0;
        int[] at = new int[LEGEND.length];
        for (int i = 0; i < LEGEND.length; i++) {
            int xi = (int) xx;
            at[i] = xi;
            int sw = i == 1 || i == 2 ? wide : box;
            PixelRaster keep = raster;
            raster = r;
            switch (i) {
                case 0 -> fillPhase(Phase.EXEC, 0, xi, 2, xi + box, box, bg);
                case 1 -> fillPhase(Phase.COLD_START, 1, xi, 2, xi + wide, box, bg);
                case 2 -> fillPhase(Phase.PREFETCH, 2, xi, 2, xi + wide, box, bg);
                case 3 -> marker(TimelineMarker.Kind.COLD_START, xi + box / 2, box / 2 + 2, box / 2, strong);
                case 4 -> marker(TimelineMarker.Kind.SWAP_OUT, xi + box / 2, box / 2 + 2, box / 2, strong);
                case 5 -> marker(TimelineMarker.Kind.PREFETCH, xi + box / 2, box / 2 + 2, box / 2, strong);
                default -> marker(TimelineMarker.Kind.EVICTION, xi + box / 2, box / 2 + 2, box / 2, strong);
            }
            raster = keep;
            xx = xi + sw + 4 + legendWidths[i] + 14 * s;
        }
        WritableImage swatches = new WritableImage(r.width(), r.height());
        swatches.getPixelWriter().setPixels(0, 0, r.width(), r.height(), PixelFormat.getIntArgbPreInstance(), r.pixels(), 0,
                r.width());
        g.drawImage(swatches, x, cy - box / 2.0 - 2);
        g.setFill(style.text());
        for (int i = 0; i < LEGEND.length; i++) {
            int sw = i == 1 || i == 2 ? wide : box;
            g.fillText(LEGEND[i], x + at[i] + sw + 4, cy);
        }
    }
}
