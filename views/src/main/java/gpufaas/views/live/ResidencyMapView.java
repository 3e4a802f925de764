package gpufaas.views.live;

import gpufaas.engine.device.MemoryLocation;
import gpufaas.views.style.ViewStyle;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The memory residency map: per device, a strip of its memory with a block for each container
 * whose memory is on the device or moving (striped), and a strip of the containers whose memory
 * is on the host (outlined), with capacity, use, evictions, swaps and prefetches written out.
 */
public final class ResidencyMapView extends VBox {
    private final LiveViewModel vm;
    private final ViewStyle style;
    private final List<Row> rows = new ArrayList<>();
    private long styleRevision = -1;

    public ResidencyMapView(LiveViewModel vm, ViewStyle style) {
        this.vm = vm;
        this.style = style;
        getStyleClass().add("residency-map");
        setFillWidth(true);
    }

    private final class Row extends VBox {
        final Label caption = new Label();
        final MemoryStrip device;
        final MemoryStrip host;

        Row() {
            double h = 26 * style.scale();
            device = new MemoryStrip("residency-strip", h);
            host = new MemoryStrip("residency-host", h);
            getStyleClass().add("residency-device");
            caption.getStyleClass().add("section-title");
            caption.setWrapText(true);
            device.setFontSize(11 * style.scale());
            host.setFontSize(11 * style.scale());
            device.setDark(style.dark());
            host.setDark(style.dark());
            Label onDevice = new Label("device");
            onDevice.getStyleClass().add("residency-caption");
            Label onHost = new Label("host");
            onHost.getStyleClass().add("residency-caption");
            HBox a = new HBox(6, onDevice, device);
            HBox b = new HBox(6, onHost, host);
            a.setAlignment(Pos.CENTER_LEFT);
            b.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(device, Priority.ALWAYS);
            HBox.setHgrow(host, Priority.ALWAYS);
            getChildren().addAll(caption, a, b);
        }

        void show(DeviceState d) {
            List<ContainerBlock> onDev = new ArrayList<>();
            List<ContainerBlock> onHost = new ArrayList<>();
            double hostMb = 0;
            int moving = 0;
            for (ContainerBlock c : d.containers()) {
                if (c.location() == MemoryLocation.HOST) {
                    onHost.add(c);
                    hostMb += c.memMb();
                } else {
                    onDev.add(c);
                    if (c.location() != MemoryLocation.DEVICE) moving++;
                }
            }
            caption.setText(String.format(Locale.ROOT,
                    "%s (%s): %,.0f of %,.0f MB used · %d container%s on device%s · %d on host · %d running of D=%d · "
                            + "evictions %,d · swaps out %,d · prefetches %,d",
                    d.name(), d.kind(), d.usedMb(), d.memoryMb(), onDev.size() - moving, onDev.size() - moving == 1 ? "" : "s",
                    moving > 0 ? " · " + moving + " moving" : "", onHost.size(), d.inFlight(), d.dMax(), d.evictions(),
                    d.swapsOut(), d.prefetches()));
            device.setBlocks(onDev, d.memoryMb());
            host.setBlocks(onHost, Math.max(d.memoryMb(), hostMb));
        }
    }

    /** Updates from the view model (FX thread); rebuilds only what changed. */
    public void refresh() {
        List<DeviceState> devices = vm.devices();
        if (styleRevision != style.revision()) {
            getChildren().clear();
            rows.clear();
            styleRevision = style.revision();
        }
        while (rows.size() < devices.size()) {
            Row r = new Row();
            rows.add(r);
            getChildren().add(r);
        }
        while (rows.size() > devices.size()) getChildren().remove(rows.remove(rows.size() - 1));
        for (int i = 0; i < devices.size(); i++) rows.get(i).show(devices.get(i));
        if (devices.isEmpty() && getChildren().isEmpty()) {
            Label l = new Label("Load an experiment to see each container's memory.");
            l.getStyleClass().add("muted");
            getChildren().add(l);
        } else if (!devices.isEmpty() && !getChildren().isEmpty() && !(getChildren().get(0) instanceof Row)) {
            getChildren().remove(0);
        }
    }
}
