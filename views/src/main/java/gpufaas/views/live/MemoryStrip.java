package gpufaas.views.live;

import gpufaas.engine.device.MemoryLocation;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal strip of memory with one block per container, each as wide as its footprint's
 * share of the strip's capacity. Blocks are nodes (style class {@code residency-block} plus
 * {@code loc-device}, {@code loc-moving-in}, {@code loc-moving-out} or {@code loc-host}) rebuilt
 * only when the containers change.
 */
final class MemoryStrip extends Region {
    private List<ContainerBlock> shown = List.of();
    private double capacityMb = 1;
    private final List<StackPane> blocks = new ArrayList<>();
    private final double height;

    MemoryStrip(String styleClass, double height) {
        this.height = height;
        getStyleClass().add(styleClass);
        setMinHeight(height);
        setPrefHeight(height);
        setMaxHeight(height);
    }

    void setBlocks(List<ContainerBlock> list, double capacity) {
        if (list.equals(shown) && capacity == capacityMb) return;
        shown = List.copyOf(list);
        capacityMb = Math.max(capacity, 1);
        getChildren().clear();
        blocks.clear();
        for (ContainerBlock c : shown) {
            StackPane b = block(c);
            blocks.add(b);
            getChildren().add(b);
        }
        requestLayout();
    }

    List<ContainerBlock> shown() { return shown; }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - 2;
        double x = 1;
        for (int i = 0; i < blocks.size(); i++) {
            double bw = Math.max(3, shown.get(i).memMb() / capacityMb * w);
            if (x + bw > w + 1) bw = Math.max(0, w + 1 - x);
            StackPane b = blocks.get(i);
            b.resizeRelocate(snapPositionX(x), 1, snapSizeX(bw), height - 2);
            b.setVisible(bw > 0);
            x += bw;
        }
    }

    @Override
    protected double computePrefWidth(double h) { return 200; }

    private static StackPane block(ContainerBlock c) {
        StackPane b = new StackPane();
        b.getStyleClass().addAll("residency-block", locationClass(c.location()));
        if (c.busy()) b.getStyleClass().add("busy");
        String colour = FunctionPalette.colour(c.fn());
        Color col = Color.web(colour);
        String text = luminance(col) > 0.45 ? "#1b1f24" : "white";
        String fill = switch (c.location()) {
            case DEVICE -> colour;
            case MOVING_IN, MOVING_OUT -> "linear-gradient(from 0px 0px to 10px 10px, repeat, " + colour + " 0%, " + colour
                    + " 50%, rgba(255,255,255,0.85) 50%, rgba(255,255,255,0.85) 100%)";
            case HOST -> toRgba(col, 0.22);
        };
        if (c.location() == MemoryLocation.HOST) text = "#1b1f24";
        b.setStyle("-fx-background-color: " + fill + "; -fx-border-color: " + (c.location() == MemoryLocation.HOST ? colour : "#1b1f24")
                + (c.location() == MemoryLocation.HOST ? "; -fx-border-width: 2" : ""));
        Label l = new Label((c.busy() ? "▶ " : "") + c.function());
        l.setStyle("-fx-text-fill: " + text + ";" + (c.location() == MemoryLocation.MOVING_IN || c.location() == MemoryLocation.MOVING_OUT
                ? " -fx-background-color: rgba(255,255,255,0.85); -fx-text-fill: #1b1f24;" : ""));
        l.setMinWidth(0);
        l.setPadding(new Insets(0, 2, 0, 2));
        StackPane.setAlignment(l, Pos.CENTER_LEFT);
        b.getChildren().add(l);
        b.setMinWidth(0);
        Tooltip.install(b, new Tooltip(String.format(Locale.ROOT, "%s: container #%d, %,.0f MB, %s%s", c.function(), c.id(),
                c.memMb(), where(c.location()), c.busy() ? ", running" : ", idle")));
        return b;
    }

    static String locationClass(MemoryLocation l) {
        return switch (l) {
            case DEVICE -> "loc-device";
            case MOVING_IN -> "loc-moving-in";
            case MOVING_OUT -> "loc-moving-out";
            case HOST -> "loc-host";
        };
    }

    static String where(MemoryLocation l) {
        return switch (l) {
            case DEVICE -> "memory on the device";
            case MOVING_IN -> "memory moving to the device";
            case MOVING_OUT -> "memory moving to the host";
            case HOST -> "memory on the host";
        };
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    private static String toRgba(Color c, double a) {
        return String.format(Locale.ROOT, "rgba(%d,%d,%d,%.2f)", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255), a);
    }
}
