package gpufaas.views.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The recent past of the device timeline: finished segments and markers that end inside the
 * window (the last {@code windowUs} of simulated time), at most {@link #MAX_SEGMENTS} segments and
 * {@link #MAX_MARKERS} markers (the oldest go first). Plain Java; the FX thread owns it.
 */
public final class TimelineBuffer {
    static final int MAX_SEGMENTS = 150_000;
    static final int MAX_MARKERS = 50_000;

    private final ArrayDeque<TimelineSegment> segments = new ArrayDeque<>();
    private final ArrayDeque<TimelineMarker> markers = new ArrayDeque<>();
    private long windowUs;

    public TimelineBuffer(long windowUs) {
        this.windowUs = windowUs;
    }

    public long windowUs() {
        return windowUs;
    }

    public void setWindowUs(long us) {
        windowUs = us;
    }

    public void clear() {
        segments.clear();
        markers.clear();
    }

    /** Appends what the engine reported and drops what ended before {@code nowUs - window}. */
    public void add(List<TimelineSegment> newSegments, List<TimelineMarker> newMarkers, long nowUs) {
        segments.addAll(newSegments);
        if (!newMarkers.isEmpty()
                && !markers.isEmpty()
                && newMarkers.get(0).atUs() < markers.peekLast().atUs()) {
            // marks found later (anomalies) may be older than the latest: keep the buffer in time order for pruning
            List<TimelineMarker> all = new ArrayList<>(markers);
            all.addAll(newMarkers);
            all.sort(Comparator.comparingLong(TimelineMarker::atUs));
            markers.clear();
            markers.addAll(all);
        } else {
            markers.addAll(newMarkers);
        }
        prune(nowUs);
    }

    /** Drops every marker of {@code kind}. */
    public void removeMarkers(TimelineMarker.Kind kind) {
        markers.removeIf(m -> m.kind() == kind);
    }

    public void prune(long nowUs) {
        // keep a second window so that widening the window right after shows some history
        long cutoff = nowUs - 2 * windowUs;
        while (!segments.isEmpty() && (segments.peekFirst().toUs() < cutoff || segments.size() > MAX_SEGMENTS)) {
            segments.pollFirst();
        }
        while (!markers.isEmpty() && (markers.peekFirst().atUs() < cutoff || markers.size() > MAX_MARKERS)) {
            markers.pollFirst();
        }
    }

    /** Segments overlapping [fromUs, toUs]. */
    public List<TimelineSegment> segments(long fromUs, long toUs) {
        List<TimelineSegment> out = new ArrayList<>();
        for (TimelineSegment s : segments) if (s.toUs() >= fromUs && s.fromUs() <= toUs) out.add(s);
        return out;
    }

    /** Markers inside [fromUs, toUs]. */
    public List<TimelineMarker> markers(long fromUs, long toUs) {
        List<TimelineMarker> out = new ArrayList<>();
        for (TimelineMarker m : markers) if (m.atUs() >= fromUs && m.atUs() <= toUs) out.add(m);
        return out;
    }

    public int segmentCount() {
        return segments.size();
    }

    public int markerCount() {
        return markers.size();
    }

    /** Iterates the segments without copying (drawing). */
    public Iterable<TimelineSegment> allSegments() {
        return segments;
    }

    public Iterable<TimelineMarker> allMarkers() {
        return markers;
    }
}
