package gpufaas.views.live;

import gpufaas.engine.device.MemoryLocation;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.BorderStrokeStyle;
import javafx.scene.layout.BorderWidths;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal strip of memory with one block per container, each as wide as its footprint's
 * share of the strip's capacity. Blocks are nodes with the style class {@code residency-block}
 * and a pseudo-class for where the memory is ({@code :on-device}, {@code :moving-in},
 * {@code :moving-out}, {@code :on-host}) and {@code :busy}. They are reused from frame to frame and
 * painted in code (no CSS parsing per frame); only what changed is touched.
 */
final class MemoryStrip extends Region {
    static final PseudoClass ON_DEVICE = PseudoClass.getPseudoClass("on-device");
    static final PseudoClass MOVING_IN = PseudoClass.getPseudoClass("moving-in");
    static final PseudoClass MOVING_OUT = PseudoClass.getPseudoClass("moving-out");
    static final PseudoClass ON_HOST = PseudoClass.getPseudoClass("on-host");
    static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");

    private List<ContainerBlock> shown = List.of();
    private double capacityMb = 1;
    private final List<Block> blocks = new ArrayList<>();
    private final double height;
    private Font font = Font.font("DejaVu Sans", 11);
    private boolean dark;
    private final Tooltip tip = new Tooltip();

    MemoryStrip(String styleClass, double height) {
        this.height = height;
        getStyleClass().add(styleClass);
        setMinHeight(height);
        setPrefHeight(height);
        setMaxHeight(height);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        Tooltip.install(this, tip);
        setOnMouseMoved(e -> {
            for (int i = 0; i < blocks.size() && i < shown.size(); i++) {
                Block b = blocks.get(i);
                if (b.isVisible() && b.getBoundsInParent().contains(e.getX(), e.getY())) {
                    tip.setText(describe(shown.get(i)));
                    return;
                }
            }
            tip.setText(shown.isEmpty() ? "no containers" : "free");
        });
    }

    /** Light text on host blocks in the dark theme. */
    void setDark(boolean on) {
        if (on == dark) return;
        dark = on;
        for (int i = 0; i < shown.size() && i < blocks.size(); i++) blocks.get(i).show(shown.get(i));
    }

    void setFontSize(double size) {
        font = Font.font("DejaVu Sans", size);
        for (Block b : blocks) b.label.setFont(font);
    }

    /** Shows {@code list}; nodes are reused and only changed blocks repainted. */
    void setBlocks(List<ContainerBlock> list, double capacity) {
        if (list.equals(shown) && capacity == capacityMb) return;
        double cap = Math.max(capacity, 1);
        boolean resized = cap != capacityMb || list.size() != shown.size();
        while (blocks.size() < list.size()) {
            Block b = new Block();
            blocks.add(b);
            getChildren().add(b);
        }
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (i < list.size()) {
                ContainerBlock c = list.get(i);
                if (i >= shown.size() || !c.equals(shown.get(i))) {
                    b.show(c);
                    if (i < shown.size() && c.memMb() != shown.get(i).memMb()) resized = true;
                }
                b.setVisible(true);
            } else {
                b.setVisible(false);
            }
        }
        shown = List.copyOf(list);
        capacityMb = cap;
        if (resized) requestLayout();
    }

    List<ContainerBlock> shown() { return shown; }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - 2;
        double x = 1;
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (i >= shown.size()) continue;
            double bw = Math.max(3, shown.get(i).memMb() / capacityMb * w);
            if (x + bw > w + 1) bw = Math.max(0, w + 1 - x);
            b.resizeRelocate(snapPositionX(x), 1, snapSizeX(bw), height - 2);
            x += bw;
        }
    }

    @Override
    protected double computePrefWidth(double h) { return 200; }

    /** One container's block: a painted region with its function's name. */
    private final class Block extends Region {
        final Text label = new Text();
        ContainerBlock showing;

        Block() {
            getStyleClass().add("residency-block");
            label.setTextOrigin(VPos.CENTER);
            label.setFont(font);
            label.setManaged(false);
            getChildren().add(label);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(widthProperty());
            clip.heightProperty().bind(heightProperty());
            setClip(clip);
        }

        void show(ContainerBlock c) {
            MemoryLocation was = showing == null ? null : showing.location();
            if (was != c.location()) {
                pseudoClassStateChanged(ON_DEVICE, c.location() == MemoryLocation.DEVICE);
                pseudoClassStateChanged(MOVING_IN, c.location() == MemoryLocation.MOVING_IN);
                pseudoClassStateChanged(MOVING_OUT, c.location() == MemoryLocation.MOVING_OUT);
                pseudoClassStateChanged(ON_HOST, c.location() == MemoryLocation.HOST);
            }
            if (showing == null || showing.busy() != c.busy()) pseudoClassStateChanged(BUSY, c.busy());
            Color col = Color.web(FunctionPalette.colour(c.fn()));
            Paint fill = switch (c.location()) {
                case DEVICE -> col;
                case MOVING_IN, MOVING_OUT -> new LinearGradient(0, 0, 10, 10, false, CycleMethod.REPEAT,
                        new Stop(0, col), new Stop(0.5, col), new Stop(0.5, Color.WHITE), new Stop(1, Color.WHITE));
                case HOST -> col.deriveColor(0, 1, 1, 0.22);
            };
            Background bg = new Background(new BackgroundFill(fill, CornerRadii.EMPTY, Insets.EMPTY));
            if (!bg.equals(getBackground())) setBackground(bg);
            Color edge = c.location() == MemoryLocation.HOST ? col : (dark ? Color.web("#e6e9ee") : Color.web("#1b1f24"));
            double bw = c.busy() ? 3 : (c.location() == MemoryLocation.HOST ? 2 : 1);
            Border border = new Border(new BorderStroke(edge, BorderStrokeStyle.SOLID, CornerRadii.EMPTY, new BorderWidths(bw)));
            if (!border.equals(getBorder())) setBorder(border); // a new border changes insets: layout
            boolean light = c.location() == MemoryLocation.DEVICE ? luminance(col) < 0.45 : (c.location() == MemoryLocation.HOST && dark);
            label.setFill(light ? Color.WHITE : Color.web("#1b1f24"));
            String text = (c.busy() ? "▶ " : "") + c.function();
            if (!text.equals(label.getText())) label.setText(text);
            showing = c;
        }

        @Override
        protected void layoutChildren() {
            label.relocate(4, 0);
            label.setLayoutY(getHeight() / 2);
        }
    }

    static String describe(ContainerBlock c) {
        return String.format(Locale.ROOT, "%s: container #%d, %,.0f MB, %s%s", c.function(), c.id(), c.memMb(),
                where(c.location()), c.busy() ? ", running" : ", idle");
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
}
