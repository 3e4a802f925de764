package gpufaas.views.run;

import gpufaas.views.decisions.DecisionRecord;
import gpufaas.views.latency.LatencyCurves;
import gpufaas.views.live.TimelineMarker;
import gpufaas.views.live.TimelineSegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the engine thread leaves its work for the FX thread, chart-fx style: the producer posts
 * under a lock and sets a dirty flag; the consumer drains once per frame. The latest snapshot
 * replaces the previous one (coalescing); appended records accumulate until drained, capped at
 * {@link #MAX_PENDING} each so a consumer that stops draining cannot exhaust memory. A new
 * generation (load, reset) discards what the old one left undrained.
 */
public final class SnapshotMailbox {
    static final int MAX_PENDING = 400_000;

    private final Object lock = new Object();
    private LiveSnapshot latest = LiveSnapshot.empty();
    private LatencyCurves latency;
    private ArrayList<TimelineSegment> segments = new ArrayList<>();
    private ArrayList<TimelineMarker> markers = new ArrayList<>();
    private ArrayList<DecisionRecord> decisions = new ArrayList<>();
    private boolean dirty;
    private long drainedGeneration = -1;
    private long posts;
    private long dropped;

    /** Engine thread: the new snapshot and what was appended since the previous post. */
    public void post(
            LiveSnapshot s,
            List<TimelineSegment> newSegments,
            List<TimelineMarker> newMarkers,
            List<DecisionRecord> newDecisions) {
        synchronized (lock) {
            if (s.generation() != latest.generation()) {
                segments.clear();
                markers.clear();
                decisions.clear();
                latency = null;
            }
            latest = s;
            if (s.latency() != null) latency = s.latency();
            append(segments, newSegments);
            append(markers, newMarkers);
            append(decisions, newDecisions);
            dirty = true;
            posts++;
        }
    }

    private <T> void append(ArrayList<T> into, List<T> items) {
        int room = MAX_PENDING - into.size();
        if (items.size() <= room) {
            into.addAll(items);
        } else {
            into.addAll(items.subList(0, Math.max(0, room)));
            dropped += items.size() - Math.max(0, room);
        }
    }

    /** FX thread, once per frame: everything since the last drain, or null when nothing changed. */
    public FrameUpdate drain() {
        synchronized (lock) {
            if (!dirty) return null;
            dirty = false;
            boolean reset = latest.generation() != drainedGeneration;
            drainedGeneration = latest.generation();
            FrameUpdate u = new FrameUpdate(latest, latency, segments, markers, decisions, reset);
            latency = null;
            segments = new ArrayList<>();
            markers = new ArrayList<>();
            decisions = new ArrayList<>();
            return u;
        }
    }

    /** The latest snapshot (any thread). */
    public LiveSnapshot latest() {
        synchronized (lock) {
            return latest;
        }
    }

    /** Posts so far (for tests and the responsiveness harness). */
    public long posts() {
        synchronized (lock) {
            return posts;
        }
    }

    /** Records dropped because the consumer did not drain in time. */
    public long dropped() {
        synchronized (lock) {
            return dropped;
        }
    }
}
