package gpufaas.views.live;

import gpufaas.views.style.Legible;
import gpufaas.views.style.ViewStyle;
import java.util.Locale;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Live tab: flows, device timeline and memory residency map, one above the other. */
public final class LiveView extends BorderPane {
    private final LiveViewModel vm;
    private final ViewStyle style;
    private final FlowTableView flows;
    private final DeviceTimelineView timeline;
    private final ResidencyMapView residency;
    private final Label flowsTitle = new Label();
    private long drawnRevision = -1;
    private long drawnStyle = -1;
    private long lastHeavy;
    /**
     * While playing, the timeline redraws at most this often (30 a second) and the table and the
     * residency map at most every {@link #HEAVY_EVERY_NANOS}; paused, everything redraws at once.
     * Every frame still takes the latest snapshot; this only limits the software-rendered redraws.
     */
    static final long TIMELINE_EVERY_NANOS = 33_000_000;

    static final long HEAVY_EVERY_NANOS = 250_000_000;
    private long lastTimeline;
    private long lastResidency;

    public LiveView(LiveViewModel vm, ViewStyle style) {
        this.vm = vm;
        this.style = style;
        setId("live-view");
        flows = new FlowTableView(vm, style);
        flows.setId("flow-table");
        timeline = new DeviceTimelineView(vm, style);
        timeline.setId("device-timeline");
        residency = new ResidencyMapView(vm, style);
        residency.setId("residency-map");

        flowsTitle.getStyleClass().add("pane-title");
        flowsTitle.setId("flows-title");
        Label tags = new Label("◆ S of a flow with queued work  ◇ nothing queued");
        tags.getStyleClass().add("muted");
        // a narrow window wraps the legend onto a second line instead of cutting its words
        FlowPane flowsHeader = Legible.row(
                14,
                flowsTitle,
                tags,
                legendChip("● Active", "state-active"),
                legendChip("‖ Throttled", "state-throttled"),
                legendChip("○ Inactive", "state-inactive"));
        flowsHeader.setId("flows-header");
        flowsHeader.getStyleClass().add("live-header");
        VBox flowsPane = new VBox(flowsHeader, flows);
        VBox.setVgrow(flows, Priority.ALWAYS);

        ComboBox<String> window = new ComboBox<>();
        for (int s : LiveViewModel.WINDOWS_S) window.getItems().add(windowLabel(s));
        window.getSelectionModel().select(1);
        window.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            vm.setWindowS(LiveViewModel.WINDOWS_S.get(b.intValue()));
            timeline.draw();
        });
        window.setId("timeline-window");
        window.setMinWidth(Region.USE_PREF_SIZE);
        Label tlTitle = new Label("Device timeline (lanes are token slots)");
        tlTitle.getStyleClass().add("pane-title");
        Label windowLabel = new Label("window");
        HBox windowBox = new HBox(8, windowLabel, window);
        windowBox.setAlignment(Pos.CENTER_LEFT);
        windowLabel.setMinWidth(Label.USE_PREF_SIZE);
        FlowPane tlHeader = Legible.row(14, tlTitle, windowBox);
        tlHeader.setId("timeline-header");
        tlHeader.getStyleClass().add("live-header");
        VBox tlPane = new VBox(tlHeader, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);

        Label resTitle = new Label(
                "Memory residency: each container's memory on the device, moving (striped) or on the host (outlined); ▶ running");
        resTitle.getStyleClass().add("pane-title");
        resTitle.setWrapText(true);
        resTitle.setMinHeight(Label.USE_PREF_SIZE);
        VBox resPane = new VBox(resTitle, residency);
        VBox.setVgrow(residency, Priority.ALWAYS);

        SplitPane split = new SplitPane(flowsPane, tlPane, resPane);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.36, 0.70);
        // on a short window (presenter mode at 1024×700) the three parts keep their least height and the tab scrolls
        setCenter(Legible.scrollingSplit(split, "live-scroll"));
        refresh();
    }

    private static Label legendChip(String text, String cls) {
        Label l = new Label(text);
        l.getStyleClass().addAll("state-chip", cls);
        l.setMinWidth(Label.USE_PREF_SIZE);
        return l;
    }

    private static String windowLabel(int s) {
        return s < 60 ? s + " s" : (s / 60) + " min";
    }

    /** Redraws what changed since the last call (FX thread, once per frame). */
    public void refresh() {
        if (drawnRevision == vm.revision() && drawnStyle == style.revision()) return;
        boolean styleChanged = drawnStyle != style.revision();
        if (styleChanged) {
            // the least heights follow the font: a header and three rows of flows, a residency caption and its strips
            flows.setMinHeight(flows.rowHeight() * 4 + 6);
            residency.setMinHeight(Math.round(120 * style.scale()));
        }
        long now = System.nanoTime();
        boolean throttle = vm.playing() && !styleChanged;
        if (!throttle) {
            drawnRevision = vm.revision();
            drawnStyle = style.revision();
            lastTimeline = now;
            lastHeavy = now;
            lastResidency = now;
            timeline.draw();
            syncTable();
            residency.refresh();
            return;
        }
        // playing: at most one of the three repaints per frame (software rendering repaints each changed area),
        // the timeline about 30 times a second, the table and the residency map a few times, half a period apart
        if (now - lastHeavy >= HEAVY_EVERY_NANOS) {
            lastHeavy = now;
            syncTable();
        } else if (now - lastResidency >= HEAVY_EVERY_NANOS && now - lastHeavy >= HEAVY_EVERY_NANOS / 2) {
            lastResidency = now;
            residency.refresh();
        } else if (now - lastTimeline >= TIMELINE_EVERY_NANOS) {
            drawnRevision = vm.revision();
            lastTimeline = now;
            timeline.draw();
        }
    }

    private void syncTable() {
        vm.syncFlows();
        String vt = Double.isNaN(vm.virtualTime())
                ? ""
                : String.format(Locale.ROOT, " · V = %.2f · T = %.2f", vm.virtualTime(), vm.overrun());
        flowsTitle.setText("Flows" + (vm.policy().isEmpty() ? "" : " under " + vm.policy()) + vt);
        flows.draw();
    }

    public FlowTableView flows() {
        return flows;
    }

    public DeviceTimelineView timeline() {
        return timeline;
    }

    public ResidencyMapView residency() {
        return residency;
    }
}
