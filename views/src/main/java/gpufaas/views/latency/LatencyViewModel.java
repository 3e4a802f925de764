package gpufaas.views.latency;

import java.util.ArrayList;
import java.util.List;

/**
 * State behind the Latency tab: the live run's curves and the runs kept for overlay (a run kept
 * by hand, or the runs of a comparison), at most {@link #MAX_OVERLAYS}. Plain Java.
 */
public final class LatencyViewModel {
    public static final int MAX_OVERLAYS = 8;

    private LatencyCurves current = LatencyCurves.empty("");
    private final List<LatencyCurves> overlays = new ArrayList<>();
    private long revision;

    public void apply(LatencyCurves c) {
        current = c;
        revision++;
    }

    /** A new run: the live curves start empty. */
    public void reset(String label) {
        current = LatencyCurves.empty(label);
        revision++;
    }

    /** Keeps the live run's curves as an overlay; false when there is nothing to keep yet. */
    public boolean keepCurrent() {
        if (current.completed() == 0) return false;
        add(current.withLabel(uniqueLabel(current.label())));
        return true;
    }

    public void add(LatencyCurves c) {
        overlays.add(c);
        while (overlays.size() > MAX_OVERLAYS) overlays.remove(0);
        revision++;
    }

    public void clearOverlays() {
        overlays.clear();
        revision++;
    }

    private String uniqueLabel(String base) {
        int n = 1;
        String l = base + " #1";
        while (hasLabel(l)) l = base + " #" + (++n);
        return l;
    }

    private boolean hasLabel(String l) {
        for (LatencyCurves c : overlays) if (c.label().equals(l)) return true;
        return false;
    }

    public LatencyCurves current() {
        return current;
    }

    public List<LatencyCurves> overlays() {
        return List.copyOf(overlays);
    }

    /** Everything drawn: overlays first, the live run last (on top). */
    public List<LatencyCurves> drawn() {
        List<LatencyCurves> all = new ArrayList<>(overlays);
        all.add(current.withLabel(current.label().isEmpty() ? "live run" : current.label() + " (live)"));
        return all;
    }

    public long revision() {
        return revision;
    }
}
