package gpufaas.views.teaching;

/** Why a run paused by itself: which breakpoint, when (simulated µs) and a sentence about it. */
public record BreakpointHit(Kind kind, long timeUs, String description) {
    public enum Kind {
        THROTTLE,
        COLD_START,
        EVICTION,
        TIME
    }
}
