package gpufaas.views.live;

import gpufaas.views.style.ViewStyle;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The device timeline: one band per device (GPU, MIG instance, CPU pool) split into lanes, one per
 * token slot; each lane shows what ran over the chosen window of simulated time, coloured by
 * function, with container starts hatched, prefetches striped, and markers above the band for cold
 * starts, memory moves and evictions. Drawn on a canvas once per frame from the view model.
 */
public final class DeviceTimelineView extends Region {
    private final LiveViewModel vm;
    private final ViewStyle style;
    private final Canvas canvas = new Canvas();
    /** function colours parsed once (parsing a colour per segment per frame is measurable) */
    private final java.util.ArrayList<Color> colours = new java.util.ArrayList<>();
    private final java.util.ArrayList<Color> pale = new java.util.ArrayList<>();
    private final java.util.ArrayList<Color> darker = new java.util.ArrayList<>();
    private double[] legendWidths;
    private long legendStyle = -1;

    public DeviceTimelineView(LiveViewModel vm, ViewStyle style) {
        this.vm = vm;
        this.style = style;
        getChildren().add(canvas);
        getStyleClass().add("device-timeline");
        setMinHeight(80);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    @Override
    protected double computePrefHeight(double width) {
        double s = style.scale();
        double rows = 0;
        for (DeviceState d : vm.devices()) rows += Math.max(1, d.dMax()) * 14 * s + 16 * s + 6;
        return Math.max(120, rows + 50 * s);
    }

    /** Redraws from the view model (FX thread). */
    public void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        double s = style.scale();
        g.setFill(style.background());
        g.fillRect(0, 0, w, h);
        List<DeviceState> devices = vm.devices();
        if (w < 50 || h < 30) return;
        if (devices.isEmpty()) {
            g.setFill(style.muted());
            g.setFont(style.font(13));
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Load an experiment to see what runs on each device.", 12, h / 2);
            return;
        }
        double labelW = Math.min(w * 0.3, 150 * s);
        double axisH = 22 * s;
        double legendH = 24 * s;
        double markerH = 14 * s;
        double gap = 6;
        int[] lanes = lanesPerDevice(devices);
        int totalLanes = 0;
        for (int l : lanes) totalLanes += l;
        double avail = h - axisH - legendH - devices.size() * (markerH + gap) - 4;
        double laneH = Math.max(2, Math.min(40 * s, avail / Math.max(1, totalLanes)));
        long window = vm.windowUs();
        long now = vm.nowUs();
        long t0 = Math.max(0, now - window);
        long t1 = t0 + window;
        double x0 = labelW;
        double plotW = w - labelW - 10;
        double[] rowTop = new double[devices.size()];
        double y = 4;
        int maxIndex = 0;
        for (DeviceState d : devices) maxIndex = Math.max(maxIndex, d.index());
        int[] rowOf = new int[maxIndex + 1];
        java.util.Arrays.fill(rowOf, -1);
        for (int i = 0; i < devices.size(); i++) {
            rowOf[devices.get(i).index()] = i;
            rowTop[i] = y + markerH;
            y += markerH + lanes[i] * laneH + gap;
        }
        double plotBottom = y;
        // grid and axis
        drawAxis(g, x0, plotW, plotBottom, t0, window, s);
        // device labels and lane backgrounds
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i < devices.size(); i++) {
            DeviceState d = devices.get(i);
            double top = rowTop[i];
            double bandH = lanes[i] * laneH;
            g.setFill(style.grid());
            g.fillRect(x0, top, plotW, bandH);
            g.setFill(style.text());
            g.setFont(style.bold(12));
            g.fillText(d.name(), 6, top + Math.min(bandH, 16 * s) / 2, labelW - 10);
            if (bandH > 26 * s) {
                g.setFill(style.muted());
                g.setFont(style.font(11));
                g.fillText(d.kind() + " · D=" + d.dMax(), 6, top + 16 * s + 6 * s, labelW - 10);
            }
        }
        // finished segments, merged when narrower than a pixel
        double pxPerUs = plotW / window;
        double[][] lastPx = new double[devices.size()][];
        for (int i = 0; i < devices.size(); i++) {
            lastPx[i] = new double[lanes[i]];
            java.util.Arrays.fill(lastPx[i], -1);
        }
        for (TimelineSegment seg : vm.timeline().allSegments()) {
            if (seg.toUs() < t0 || seg.fromUs() > t1) continue;
            int row = seg.device() < rowOf.length ? rowOf[seg.device()] : -1;
            if (row < 0 || seg.lane() >= lanes[row]) continue;
            double a = x0 + (Math.max(seg.fromUs(), t0) - t0) * pxPerUs;
            double b = x0 + (Math.min(seg.toUs(), t1) - t0) * pxPerUs;
            if (b - a < 1) {
                // narrower than a pixel: one pixel per lane and pixel column is enough
                double px = Math.floor(a);
                if (px <= lastPx[row][seg.lane()]) continue;
                lastPx[row][seg.lane()] = px;
                b = a + 1;
            }
            fillPhase(g, seg.phase(), seg.fn(), a, rowTop[row] + seg.lane() * laneH + 1, b - a, laneH - 2);
        }
        // what runs now
        for (RunningInvocation r : vm.running()) {
            int row = r.device() < rowOf.length ? rowOf[r.device()] : -1;
            if (row < 0 || r.lane() >= lanes[row]) continue;
            double top = rowTop[row] + r.lane() * laneH + 1;
            long setupEnd = r.startUs() >= 0 ? r.startUs() : now;
            if (r.setup() != Phase.EXEC && setupEnd > r.dispatchUs()) {
                double a = x0 + (Math.max(r.dispatchUs(), t0) - t0) * pxPerUs;
                double b = x0 + (Math.min(setupEnd, t1) - t0) * pxPerUs;
                if (b > a) fillPhase(g, r.setup(), r.fn(), a, top, Math.max(1, b - a), laneH - 2);
            }
            if (r.startUs() >= 0) {
                double a = x0 + (Math.max(r.startUs(), t0) - t0) * pxPerUs;
                double b = x0 + (Math.min(now, t1) - t0) * pxPerUs;
                fillPhase(g, Phase.EXEC, r.fn(), a, top, Math.max(1, b - a), laneH - 2);
            }
        }
        // markers above each band
        for (TimelineMarker m : vm.timeline().allMarkers()) {
            if (m.atUs() < t0 || m.atUs() > t1) continue;
            int row = m.device() < rowOf.length ? rowOf[m.device()] : -1;
            if (row < 0) continue;
            double x = x0 + (m.atUs() - t0) * pxPerUs;
            marker(g, m.kind(), x, rowTop[row] - markerH / 2, markerH * 0.8);
        }
        // the "now" line
        double xn = x0 + (Math.min(now, t1) - t0) * pxPerUs;
        g.setStroke(style.strong());
        g.setLineWidth(1.5);
        g.strokeLine(xn, 2, xn, plotBottom);
        drawLegend(g, 8, h - legendH / 2, s);
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

    private void fillPhase(GraphicsContext g, Phase phase, int fn, double x, double y, double w, double h) {
        // whole pixels: software rendering fills pixel-aligned rectangles without anti-aliasing work
        double x0 = Math.floor(x);
        double x1 = Math.max(x0 + 1, Math.round(x + w));
        double y0 = Math.round(y);
        double hh = Math.max(1, Math.round(h));
        int k = Math.floorMod(fn, 64);
        switch (phase) {
            case EXEC -> {
                g.setFill(colour(k, 0));
                g.fillRect(x0, y0, x1 - x0, hh);
            }
            case COLD_START, PREFETCH -> {
                g.setFill(colour(k, 1));
                g.fillRect(x0, y0, x1 - x0, hh);
                g.setFill(colour(k, 2));
                if (phase == Phase.COLD_START) {
                    // a container start: vertical stripes
                    for (double sx = x0 + 1; sx < x1 - 1; sx += 4) g.fillRect(sx, y0, 1.5, hh);
                } else {
                    // a prefetch: horizontal stripes
                    for (double sy = y0 + 1; sy < y0 + hh - 1; sy += 3) g.fillRect(x0, sy, x1 - x0, 1);
                }
                g.fillRect(x0, y0, x1 - x0, 1);
                g.fillRect(x0, y0 + hh - 1, x1 - x0, 1);
            }
        }
    }

    /** Function colour {@code k}: 0 plain, 1 pale, 2 darker; cached. */
    private Color colour(int k, int variant) {
        while (colours.size() <= k) {
            Color c = Color.web(FunctionPalette.colour(colours.size()));
            colours.add(c);
            pale.add(c.deriveColor(0, 1, 1, 0.35));
            darker.add(c.darker());
        }
        Color c = switch (variant) {
            case 0 -> colours.get(k);
            case 1 -> pale.get(k);
            default -> darker.get(k);
        };
        if (variant == 0 && style.dark() && c.equals(Color.BLACK)) return Color.web("#e6e9ee");
        return c;
    }

    private void marker(GraphicsContext g, TimelineMarker.Kind kind, double x, double cy, double size) {
        double r = size / 2;
        switch (kind) {
            case COLD_START -> {
                g.setFill(style.strong());
                g.fillPolygon(new double[] {x - r, x + r, x}, new double[] {cy - r, cy - r, cy + r}, 3);
            }
            case SWAP_OUT -> arrow(g, x, cy + r, cy - r, Color.web("#E69F00"));
            case PREFETCH -> arrow(g, x, cy - r, cy + r, Color.web("#56B4E9"));
            case EVICTION -> {
                g.setStroke(Color.web("#D55E00"));
                g.setLineWidth(2);
                g.strokeLine(x - r, cy - r, x + r, cy + r);
                g.strokeLine(x - r, cy + r, x + r, cy - r);
            }
        }
    }

    private void arrow(GraphicsContext g, double x, double from, double to, Color c) {
        double head = Math.abs(to - from) * 0.45;
        double dir = Math.signum(to - from);
        g.setStroke(c);
        g.setLineWidth(2);
        g.strokeLine(x, from, x, to);
        g.strokeLine(x - head * 0.8, to - dir * head, x, to);
        g.strokeLine(x + head * 0.8, to - dir * head, x, to);
    }

    private void drawAxis(GraphicsContext g, double x0, double plotW, double bottom, long t0, long window, double s) {
        double windowS = window / 1e6;
        double minStep = windowS * 90 * s / Math.max(plotW, 1);
        double step = niceStep(minStep);
        g.setFont(style.font(11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        double start = Math.ceil(t0 / 1e6 / step) * step;
        for (double t = start; t <= t0 / 1e6 + windowS + 1e-9; t += step) {
            double x = x0 + (t - t0 / 1e6) / windowS * plotW;
            g.setStroke(style.grid());
            g.setLineWidth(1);
            g.strokeLine(x, 2, x, bottom);
            g.setFill(style.muted());
            g.fillText(label(t, step), x, bottom + 3);
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

    private static final String[] LEGEND = {"running (colour: function)", "container start", "prefetch", "cold start",
        "to host", "to device", "eviction"};

    private void drawLegend(GraphicsContext g, double x, double cy, double s) {
        g.setFont(style.font(11));
        if (legendStyle != style.revision() || legendWidths == null) {
            legendWidths = new double[LEGEND.length];
            for (int i = 0; i < LEGEND.length; i++) {
                javafx.scene.text.Text t = new javafx.scene.text.Text(LEGEND[i]);
                t.setFont(g.getFont());
                legendWidths[i] = t.getLayoutBounds().getWidth();
            }
            legendStyle = style.revision();
        }
        legendIndex = 0;
        g.setTextBaseline(VPos.CENTER);
        double box = 11 * s;
        g.setFill(Color.web(FunctionPalette.colour(0)));
        g.fillRect(x, cy - box / 2, box, box);
        x = legendText(g, "running (colour: function)", x + box + 4);
        fillPhase(g, Phase.COLD_START, 1, x, cy - box / 2, box * 1.6, box);
        x = legendText(g, "container start", x + box * 1.6 + 4);
        fillPhase(g, Phase.PREFETCH, 2, x, cy - box / 2, box * 1.6, box);
        x = legendText(g, "prefetch", x + box * 1.6 + 4);
        marker(g, TimelineMarker.Kind.COLD_START, x + box / 2, cy, box);
        x = legendText(g, "cold start", x + box + 4);
        marker(g, TimelineMarker.Kind.SWAP_OUT, x + box / 2, cy, box);
        x = legendText(g, "to host", x + box + 4);
        marker(g, TimelineMarker.Kind.PREFETCH, x + box / 2, cy, box);
        x = legendText(g, "to device", x + box + 4);
        marker(g, TimelineMarker.Kind.EVICTION, x + box / 2, cy, box);
        legendText(g, "eviction", x + box + 4);
    }

    private int legendIndex;

    private double legendText(GraphicsContext g, String text, double x) {
        g.setFill(style.text());
        g.fillText(text, x, canvasLegendY());
        return x + legendWidths[legendIndex++] + 14 * style.scale();
    }

    private double canvasLegendY() {
        return canvas.getHeight() - 12 * style.scale();
    }
}
