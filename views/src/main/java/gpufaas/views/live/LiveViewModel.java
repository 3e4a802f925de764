package gpufaas.views.live;

import gpufaas.views.run.LiveSnapshot;
import gpufaas.views.run.RunStatus;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State behind the Live tab: the latest flows (with V and T), devices and running invocations,
 * and the timeline's recent past. {@link #apply} takes one frame's update; the view redraws from
 * here. No JavaFX scene types.
 */
public final class LiveViewModel {
    /** Timeline windows offered, in seconds of simulated time. */
    public static final List<Integer> WINDOWS_S = List.of(10, 60, 300, 1800);

    public final ObservableList<FlowItem> flows = FXCollections.observableArrayList();
    private List<FlowRow> flowRows = List.of();
    private List<FlowLine> pendingLines = List.of();
    private boolean playing;
    private final TimelineBuffer timeline = new TimelineBuffer(60_000_000L);
    private List<DeviceState> devices = List.of();
    private List<RunningInvocation> running = List.of();
    private List<String> functionNames = List.of();
    private double virtualTime = Double.NaN;
    private double overrun = Double.NaN;
    private String policy = "";
    private long nowUs;
    private TagScale scale;
    private long revision;

    /** One frame: the newest snapshot and what was appended since the last frame. */
    public void apply(LiveSnapshot s, List<TimelineSegment> segments, List<TimelineMarker> markers, boolean reset) {
        if (reset) timeline.clear();
        nowUs = s.timeUs();
        timeline.add(segments, markers, nowUs);
        devices = s.devices();
        running = s.running();
        functionNames = s.functionNames();
        virtualTime = s.virtualTime();
        overrun = s.overrun();
        policy = s.policy();
        scale = TagScale.of(virtualTime, overrun, s.flows());
        int maxQueue = 1;
        for (FlowRow f : s.flows()) maxQueue = Math.max(maxQueue, f.queued());
        List<FlowLine> lines = new ArrayList<>(s.flows().size());
        for (FlowRow f : s.flows()) lines.add(new FlowLine(f, virtualTime, overrun, scale, maxQueue));
        flowRows = s.flows();
        pendingLines = lines;
        playing = s.status() == RunStatus.PLAYING;
        revision++;
    }

    /**
     * Puts the latest frame's flows into {@link #flows} (the table's items). The view calls it on
     * its own schedule: every frame while paused, a few times a second while playing.
     */
    public void syncFlows() {
        List<FlowLine> lines = pendingLines;
        if (flows.size() > lines.size()) flows.remove(lines.size(), flows.size());
        for (int i = 0; i < flows.size(); i++) flows.get(i).set(lines.get(i));
        if (flows.size() < lines.size()) {
            List<FlowItem> more = new ArrayList<>();
            for (int i = flows.size(); i < lines.size(); i++) more.add(new FlowItem(lines.get(i)));
            flows.addAll(more);
        }
    }

    /** The table's rows as shown (after the latest {@link #syncFlows()}). */
    public List<FlowLine> shownFlows() {
        List<FlowLine> out = new ArrayList<>(flows.size());
        for (FlowItem f : flows) out.add(f.get());
        return out;
    }

    /** Adds marks the window found itself (anomalies on decisions) to the timeline. */
    public void addMarkers(List<TimelineMarker> markers) {
        if (markers.isEmpty()) return;
        timeline.add(List.of(), markers, nowUs);
        revision++;
    }

    /** Replaces the timeline's marks of one kind (anomalies flagged again with new thresholds). */
    public void replaceMarkers(TimelineMarker.Kind kind, List<TimelineMarker> markers) {
        timeline.removeMarkers(kind);
        timeline.add(List.of(), markers, nowUs);
        revision++;
    }

    /** Whether the run was playing in the latest frame. */
    public boolean playing() {
        return playing;
    }

    public void setWindowS(int seconds) {
        timeline.setWindowUs(seconds * 1_000_000L);
    }

    public long windowUs() {
        return timeline.windowUs();
    }

    public TimelineBuffer timeline() {
        return timeline;
    }

    public List<DeviceState> devices() {
        return devices;
    }

    /** The flows of the latest frame. */
    public List<FlowRow> flowRows() {
        return flowRows;
    }

    public List<RunningInvocation> running() {
        return running;
    }

    public List<String> functionNames() {
        return functionNames;
    }

    public String functionName(int fn) {
        return fn >= 0 && fn < functionNames.size() ? functionNames.get(fn) : "#" + fn;
    }

    public double virtualTime() {
        return virtualTime;
    }

    public double overrun() {
        return overrun;
    }

    public String policy() {
        return policy;
    }

    public long nowUs() {
        return nowUs;
    }

    /** The tag lanes' scale, null for policies without virtual time. */
    public TagScale scale() {
        return scale;
    }

    /** Changes on every applied frame. */
    public long revision() {
        return revision;
    }

    /** Containers drawn in the residency map, all devices together. */
    public int blockCount() {
        int n = 0;
        for (DeviceState d : devices) n += d.containers().size();
        return n;
    }
}
