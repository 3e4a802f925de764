package gpufaas.views.teaching;

/**
 * When a running simulation pauses by itself: when a flow turns Throttled, on a (GPU or CPU)
 * cold start, when a container is evicted, and once simulated time reaches {@code atUs} (-1: no
 * time breakpoint). Immutable; the engine thread checks it after every event.
 */
public record Breakpoints(boolean onThrottle, boolean onColdStart, boolean onEviction, long atUs) {
    public static final Breakpoints NONE = new Breakpoints(false, false, false, -1);

    public boolean any() {
        return onThrottle || onColdStart || onEviction || atUs >= 0;
    }

    public Breakpoints withAtUs(long us) {
        return new Breakpoints(onThrottle, onColdStart, onEviction, us);
    }

    public Breakpoints withThrottle(boolean on) {
        return new Breakpoints(on, onColdStart, onEviction, atUs);
    }

    public Breakpoints withColdStart(boolean on) {
        return new Breakpoints(onThrottle, on, onEviction, atUs);
    }

    public Breakpoints withEviction(boolean on) {
        return new Breakpoints(onThrottle, onColdStart, on, atUs);
    }
}
