package gpufaas.views.live;

import gpufaas.views.style.ViewStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The device timeline: one band per device (GPU, MIG instance, CPU pool) split into lanes, one per
 * token slot; each lane shows what ran over the chosen window of simulated time, coloured by
 * function, container starts with vertical stripes, prefetches with horizontal stripes, a free
 * token the utilization gate withheld from waiting work as grey diagonal hatching, and markers
 * above the band for cold starts (▼), memory moving to the host (↑) or to the device (↓),
 * evictions (×) and anomalies (!). Lanes are never thinner than {@link #MIN_LANE} pixels (times the
 * font scale): with many devices (MIG instances of several GPUs) the bands scroll under a fixed
 * time axis and legend. The bands are painted into a pixel buffer shown as one image; the words
 * are drawn on canvases beside and below it.
 */
public final class DeviceTimelineView extends Region {
    static final String[] LEGEND = {
        "running (colour = function)",
        "container start",
        "prefetch",
        "gate withheld a token",
        "cold start",
        "to host",
        "to device",
        "eviction",
        "anomaly"
    };
    /** the thinnest a lane gets, at font scale 1 */
    static final int MIN_LANE = 12;

    private static final int GATE_HATCH = 0xff9aa0a8;
    private static final int ANOMALY = 0xffcc2a8f;

    private final LiveViewModel vm;
    private final ViewStyle style;
    private final ImageView image = new ImageView();
    /** the scroll bar is being fitted inside {@link #draw()}: its value changes draw nothing */
    private boolean adjusting;

    /** device names (left of the plot): redrawn only when the layout or the scroll changes */
    private final Canvas words = new Canvas();

    private final Canvas legend = new Canvas();
    /** the time axis' labels: a thin strip redrawn with the plot */
    private final Canvas axis = new Canvas();

    private final ScrollBar bar = new ScrollBar();
    private String wordsDrawn = "";
    private PixelRaster raster = new PixelRaster();
    private final RasterImage shown = new RasterImage(image);
    private final List<int[]> colours = new ArrayList<>();
    private double[] legendWidths;
    private long legendStyle = -1;
    private String legendDrawn = "";
    private int laneHeight;
    private int legendRows;
    private final List<String> labels = new ArrayList<>();

    public DeviceTimelineView(LiveViewModel vm, ViewStyle style) {
        this.vm = vm;
        this.style = style;
        image.setSmooth(false);
        axis.setManaged(false);
        legend.setManaged(false);
        image.setManaged(false);
        words.setManaged(false);
        bar.setOrientation(Orientation.VERTICAL);
        bar.setManaged(false);
        bar.setVisible(false);
        bar.valueProperty().addListener((o, a, b) -> {
            if (!adjusting) draw();
        });
        setOnScroll(e -> {
            if (bar.isVisible()) bar.setValue(Math.max(0, Math.min(bar.getMax(), bar.getValue() - e.getDeltaY())));
        });
        getChildren().addAll(image, words, axis, legend, bar);
        getStyleClass().add("device-timeline");
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

    /** The axis, the legend, one device's markers and two lanes at their least height. */
    @Override
    protected double computeMinHeight(double width) {
        double s = style.scale();
        int rows = width > 0 && legendWidths != null ? legendRows((int) width - 16, s) : legendRows;
        return Math.ceil(22 * s + Math.max(1, rows) * 24 * s + 14 * s + 2 * MIN_LANE * s + 16);
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

    private static int argb(Color c) {
        return 0xff000000
                | ((int) Math.round(c.getRed() * 255) << 16)
                | ((int) Math.round(c.getGreen() * 255) << 8)
                | (int) Math.round(c.getBlue() * 255);
    }

    /** Redraws from the view model (FX thread). */
    public void draw() {
        int w = (int) width;
        int h = (int) height;
        if (w < 50 || h < 30) return;
        GraphicsContext g = words.getGraphicsContext2D();
        double s = style.scale();
        int bg = argb(style.background());
        int gridColour = argb(style.grid());
        int strong = argb(style.strong());
        List<DeviceState> devices = vm.devices();
        if (devices.isEmpty()) {
            place(words, 0, 0, w, h);
            g.clearRect(0, 0, w, h);
            axis.getGraphicsContext2D().clearRect(0, 0, axis.getWidth(), axis.getHeight());
            legend.getGraphicsContext2D().clearRect(0, 0, legend.getWidth(), legend.getHeight());
            image.setVisible(false);
            bar.setVisible(false);
            wordsDrawn = "";
            legendDrawn = "";
            labels.clear();
            g.setFill(style.muted());
            g.setFont(style.font(13));
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Load an experiment to see what runs on each device.", 12, h / 2.0);
            return;
        }
        image.setVisible(true);
        int labelW = (int) Math.min(w * 0.3, 150 * s);
        int axisH = (int) (22 * s);
        int rowH = (int) (24 * s);
        int rowsBefore = legendRows;
        legendRows = legendRows(w - 16, s);
        if (rowsBefore != legendRows) requestLayout(); // the least height follows the legend's lines
        int legendH = rowH * legendRows;
        int markerH = (int) (14 * s);
        int gap = 6;
        int[] lanes = lanesPerDevice(devices);
        int totalLanes = 0;
        for (int l : lanes) totalLanes += l;
        int viewH = Math.max(20, h - axisH - legendH);
        double avail = viewH - devices.size() * (markerH + gap) - 4;
        int minLane = (int) Math.round(MIN_LANE * s);
        int laneH = (int) Math.max(minLane, Math.min(40 * s, avail / Math.max(1, totalLanes)));
        laneHeight = laneH;
        int content = 4;
        for (int l : lanes) content += markerH + l * laneH + gap;
        boolean scroll = content > viewH;
        int barW = scroll ? (int) Math.ceil(Math.max(12, bar.prefWidth(-1))) : 0;
        if (scroll != bar.isVisible()) bar.setVisible(scroll);
        int scrollY = 0;
        if (scroll) {
            double max = content - viewH;
            adjusting = true; // fitting the bar to the lanes must not draw again from its listener
            try {
                if (bar.getMax() != max) bar.setMax(max);
                bar.setVisibleAmount(viewH * max / Math.max(1, content));
                bar.setUnitIncrement(laneH);
                bar.setBlockIncrement(viewH * 0.9);
                if (bar.getValue() > max) bar.setValue(max);
            } finally {
                adjusting = false;
            }
            bar.resizeRelocate(w - barW, 0, barW, viewH);
            scrollY = (int) Math.round(bar.getValue());
        }
        long window = vm.windowUs();
        long now = vm.nowUs();
        long t0 = Math.max(0, now - window);
        long t1 = t0 + window;
        int x0 = labelW;
        int plotW = w - labelW - 10 - barW;
        int[] rowTop = new int[devices.size()];
        int y = 4 - scrollY;
        int maxIndex = 0;
        for (DeviceState d : devices) maxIndex = Math.max(maxIndex, d.index());
        int[] rowOf = new int[maxIndex + 1];
        Arrays.fill(rowOf, -1);
        for (int i = 0; i < devices.size(); i++) {
            rowOf[devices.get(i).index()] = i;
            rowTop[i] = y + markerH;
            y += markerH + lanes[i] * laneH + gap;
        }
        int plotBottom = Math.min(viewH, y);
        // the plot is a pixel buffer from x0 to the right edge (left of the scroll bar), above the axis
        raster.resize(w - x0 - barW, plotBottom);
        raster.setOriginX(x0);
        raster.clear(bg);
        place(words, 0, 0, x0, plotBottom);
        place(axis, 0, plotBottom, w - barW, axisH);
        place(legend, 0, h - legendH, w, legendH);
        drawAxis(axis.getGraphicsContext2D(), x0, plotW, plotBottom, t0, window, s, gridColour, w, axisH);
        StringBuilder sig = new StringBuilder()
                .append(w)
                .append('x')
                .append(h)
                .append('/')
                .append(style.revision())
                .append('/')
                .append(laneH)
                .append('/')
                .append(scrollY);
        for (int i = 0; i < devices.size(); i++) {
            DeviceState d = devices.get(i);
            sig.append('/')
                    .append(d.name())
                    .append(':')
                    .append(lanes[i])
                    .append(':')
                    .append(gateWord(d));
        }
        boolean redrawWords = !sig.toString().equals(wordsDrawn);
        if (redrawWords) {
            wordsDrawn = sig.toString();
            g.clearRect(0, 0, words.getWidth(), words.getHeight());
            labels.clear();
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < devices.size(); i++) {
            DeviceState d = devices.get(i);
            int top = rowTop[i];
            int bandH = lanes[i] * laneH;
            raster.fillRect(x0, top, x0 + plotW, top + bandH, gridColour);
            if (!redrawWords || top + bandH < 0 || top - markerH > plotBottom) continue;
            double line = Math.max(14 * s, Math.min(bandH, 16 * s));
            g.setFill(style.text());
            g.setFont(style.bold(12));
            g.fillText(d.name(), 6, top + line / 2, labelW - 10);
            labels.add(d.name());
            if (bandH > 26 * s) {
                g.setFill(style.muted());
                g.setFont(style.font(11));
                String k = d.kind() + " · D=" + d.dMax();
                g.fillText(k, 6, top + line + 6 * s, labelW - 10);
                labels.add(k);
            }
            String gate = gateWord(d);
            if (!gate.isEmpty() && bandH > 40 * s) {
                g.setFill(d.withheldSinceUs() >= 0 ? style.text() : style.muted());
                g.setFont(style.font(11));
                g.fillText(gate, 6, top + line + 20 * s, labelW - 10);
                labels.add(gate);
            }
        }
        double pxPerUs = (double) plotW / window;
        for (TimelineSegment seg : vm.timeline().allSegments()) {
            if (seg.toUs() < t0 || seg.fromUs() > t1) continue;
            int row = seg.device() < rowOf.length ? rowOf[seg.device()] : -1;
            if (row < 0 || seg.lane() >= lanes[row]) continue;
            int a = x0 + (int) ((Math.max(seg.fromUs(), t0) - t0) * pxPerUs);
            int b = x0 + (int) Math.round((Math.min(seg.toUs(), t1) - t0) * pxPerUs);
            fillPhase(
                    seg.phase(), seg.fn(), a, rowTop[row] + seg.lane() * laneH + 1, Math.max(a + 1, b), laneH - 2, bg);
        }
        for (DeviceState d : devices) {
            if (d.withheldSinceUs() < 0) continue;
            int row = rowOf[d.index()];
            if (d.withheldLane() >= lanes[row]) continue;
            int a = x0 + (int) ((Math.max(d.withheldSinceUs(), t0) - t0) * pxPerUs);
            int b = x0 + (int) Math.round((Math.min(now, t1) - t0) * pxPerUs);
            fillPhase(Phase.GATE, -1, a, rowTop[row] + d.withheldLane() * laneH + 1, Math.max(a + 1, b), laneH - 2, bg);
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
        String legendSig = w + "/" + style.revision() + "/" + legendRows;
        if (!legendSig.equals(legendDrawn)) {
            legendDrawn = legendSig;
            drawLegend(legend.getGraphicsContext2D(), 8, w - 16, rowH, s, bg, strong);
        }
        push(x0);
    }

    /** "gate 112 % > 95 %" beside a device whose gate is closed, "gate 40 % ≤ 95 %" when open; empty without a gate. */
    static String gateWord(DeviceState d) {
        if (!d.gated() || Double.isNaN(d.gateEstimatePct())) return "";
        return String.format(
                Locale.ROOT,
                "gate %.0f %% %s %.0f %%",
                d.gateEstimatePct(),
                d.gateEstimatePct() > d.gateLimitPct() ? ">" : "≤",
                d.gateLimitPct());
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
        int y1 = y0 + Math.max(1, h);
        if (phase == Phase.GATE) {
            raster.fillRect(x0, y0, x1, y1, PixelRaster.blend(GATE_HATCH, bg, 0.25));
            raster.stripesDiagonal(x0, y0, x1, y1, 6, GATE_HATCH);
            return;
        }
        int[] c = colour(fn, bg);
        switch (phase) {
            case EXEC -> raster.fillRect(x0, y0, x1, y1, c[0]);
            case COLD_START, PREFETCH -> {
                raster.fillRect(x0, y0, x1, y1, c[1]);
                if (phase == Phase.COLD_START) raster.stripesVertical(x0, y0, x1, y1, 4, c[2]);
                else raster.stripesHorizontal(x0, y0, x1, y1, 3, c[2]);
                raster.fillRect(x0, y0, x1, y0 + 1, c[2]);
                raster.fillRect(x0, y1 - 1, x1, y1, c[2]);
            }
            default -> {}
        }
    }

    private void marker(TimelineMarker.Kind kind, int x, int cy, int r, int strong) {
        switch (kind) {
            case COLD_START -> raster.triangleDown(x, cy + r, r, strong);
            case SWAP_OUT -> raster.arrow(x, cy + r, cy - r, 0xffE69F00);
            case PREFETCH -> raster.arrow(x, cy - r, cy + r, 0xff56B4E9);
            case EVICTION -> raster.cross(x, cy, r, 0xffD55E00);
            case ANOMALY -> {
                raster.fillRect(x - 1, cy - r - 1, x + 2, cy + r / 2, ANOMALY);
                raster.fillRect(x - 1, cy + r - 1, x + 2, cy + r + 2, ANOMALY);
            }
        }
    }

    private void drawAxis(
            GraphicsContext g,
            int x0,
            int plotW,
            int bottom,
            long t0,
            long window,
            double s,
            int gridColour,
            int w,
            int axisH) {
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

    private void measureLegend(double s) {
        if (legendStyle == style.revision() && legendWidths != null) return;
        legendWidths = new double[LEGEND.length];
        for (int i = 0; i < LEGEND.length; i++) {
            Text t = new Text(LEGEND[i]);
            t.setFont(style.font(11));
            legendWidths[i] = t.getLayoutBounds().getWidth();
        }
        legendStyle = style.revision();
    }

    private int itemWidth(int i, double s) {
        int box = (int) (11 * s);
        int sw = i == 1 || i == 2 || i == 3 ? (int) (box * 1.6) : box;
        return sw + 4 + (int) Math.ceil(legendWidths[i]) + (int) (14 * s);
    }

    /**
     * Where each legend item goes at {@code width} pixels: {x, line} per item (items flow onto a new
     * line when the next would pass the width).
     */
    private int[][] legendPlaces(int width, double s) {
        measureLegend(s);
        int[][] at = new int[LEGEND.length][2];
        int x = 0;
        int line = 0;
        for (int i = 0; i < LEGEND.length; i++) {
            int iw = itemWidth(i, s);
            if (x > 0 && x + iw > width) {
                line++;
                x = 0;
            }
            at[i][0] = x;
            at[i][1] = line;
            x += iw;
        }
        return at;
    }

    /** How many lines the legend needs at {@code width} pixels. */
    private int legendRows(int width, double s) {
        int[][] at = legendPlaces(width, s);
        return at[at.length - 1][1] + 1;
    }

    private void drawLegend(GraphicsContext g, int x, int width, int rowH, double s, int bg, int strong) {
        g.clearRect(0, 0, legend.getWidth(), legend.getHeight());
        g.setFont(style.font(11));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        measureLegend(s);
        int box = (int) (11 * s);
        int wide = (int) (box * 1.6);
        int[][] places = legendPlaces(width, s);
        int[] atX = new int[LEGEND.length];
        int[] atRow = new int[LEGEND.length];
        int row = 0;
        for (int i = 0; i < LEGEND.length; i++) {
            atX[i] = places[i][0];
            atRow[i] = places[i][1];
            row = Math.max(row, atRow[i]);
        }
        // the swatches are painted like the plot, in a small raster per line, then drawn as images
        for (int line = 0; line <= row; line++) {
            PixelRaster r = new PixelRaster();
            r.resize(width + 8, box + 4);
            r.clear(bg);
            PixelRaster keep = raster;
            raster = r;
            for (int i = 0; i < LEGEND.length; i++) {
                if (atRow[i] != line) continue;
                int xi = atX[i];
                switch (i) {
                    case 0 -> fillPhase(Phase.EXEC, 0, xi, 2, xi + box, box, bg);
                    case 1 -> fillPhase(Phase.COLD_START, 1, xi, 2, xi + wide, box, bg);
                    case 2 -> fillPhase(Phase.PREFETCH, 2, xi, 2, xi + wide, box, bg);
                    case 3 -> fillPhase(Phase.GATE, -1, xi, 2, xi + wide, box, bg);
                    case 4 -> marker(TimelineMarker.Kind.COLD_START, xi + box / 2, box / 2 + 2, box / 2, strong);
                    case 5 -> marker(TimelineMarker.Kind.SWAP_OUT, xi + box / 2, box / 2 + 2, box / 2, strong);
                    case 6 -> marker(TimelineMarker.Kind.PREFETCH, xi + box / 2, box / 2 + 2, box / 2, strong);
                    case 7 -> marker(TimelineMarker.Kind.EVICTION, xi + box / 2, box / 2 + 2, box / 2, strong);
                    default -> marker(TimelineMarker.Kind.ANOMALY, xi + box / 2, box / 2 + 2, box / 2, strong);
                }
            }
            raster = keep;
            WritableImage swatches = new WritableImage(r.width(), r.height());
            swatches.getPixelWriter()
                    .setPixels(
                            0, 0, r.width(), r.height(), PixelFormat.getIntArgbPreInstance(), r.pixels(), 0, r.width());
            g.drawImage(swatches, x, line * rowH + rowH / 2.0 - box / 2.0 - 2);
        }
        g.setFill(style.text());
        for (int i = 0; i < LEGEND.length; i++) {
            int sw = i == 1 || i == 2 || i == 3 ? wide : box;
            g.fillText(LEGEND[i], x + atX[i] + sw + 4, atRow[i] * rowH + rowH / 2.0);
        }
    }

    /** The height of a lane in pixels at the last draw. */
    public int laneHeight() {
        return laneHeight;
    }

    /** Whether the bands scroll (more lanes than fit at the least lane height). */
    public boolean scrolls() {
        return bar.isVisible();
    }

    /** Scrolls the bands to the last device. */
    public void scrollToEnd() {
        if (bar.isVisible()) bar.setValue(bar.getMax());
    }

    /** The lines the legend takes at the last draw. */
    public int legendRows() {
        return legendRows;
    }

    /** The width the legend's line {@code line} takes (its items, swatches, words and gaps), for layout checks. */
    public double legendWidth(int line) {
        double s = style.scale();
        int[][] at = legendPlaces((int) width - 16, s);
        double widest = 0;
        for (int i = 0; i < LEGEND.length; i++)
            if (at[i][1] == line) widest = Math.max(widest, at[i][0] + itemWidth(i, s));
        return widest;
    }

    /** The device names and captions drawn beside the bands in view, at the last redraw of the words. */
    public List<String> drawnLabels() {
        return List.copyOf(labels);
    }
}
