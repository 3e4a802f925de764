package gpufaas.views.live;

import java.util.List;

/**
 * The horizontal scale of the flows' tag lanes: virtual time from a little before V to a little
 * past the largest start tag shown (at least V + T + margin), so V, the band [V, V+T] and every
 * flow's start tag fit. Plain Java.
 */
public record TagScale(double from, double to) {
    /** The scale for flows {@code flows} around V = {@code v} with over-run {@code t}; null when there are no tags. */
    public static TagScale of(double v, double t, List<FlowRow> flows) {
        if (Double.isNaN(v)) return null;
        double band = Double.isNaN(t) ? 0 : t;
        double hi = v + band;
        for (FlowRow f : flows) {
            if (!Double.isNaN(f.startTag()) && f.queued() + f.inFlight() > 0) hi = Math.max(hi, f.startTag());
        }
        double span = Math.max(hi - v, 1e-3);
        double margin = span * 0.15;
        return new TagScale(v - margin, hi + margin);
    }

    /** Position of virtual time {@code x} as a share of the lane's width (clamped to 0..1). */
    public double share(double x) {
        if (to <= from) return 0;
        return Math.max(0, Math.min(1, (x - from) / (to - from)));
    }
}
