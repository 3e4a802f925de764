package gpufaas.views.transport;

/**
 * Maps wall time to the simulated time a paced run should have reached: an anchor (wall instant,
 * simulated instant) and a speed. Optionally also caps the event rate (events per wall second), which
 * the responsiveness harness uses to drive the views at a fixed load. Plain Java; the engine thread
 * owns it; all times are passed in, so it is tested without sleeping.
 */
public final class PacingClock {
    /** A paced run that fell this far behind its schedule re-anchors instead of racing to catch up. */
    static final long MAX_LAG_NANOS = 500_000_000L;

    private Speed speed;
    private final double maxEventsPerSecond;
    private long anchorWallNanos;
    private long anchorSimUs;
    private long eventsSinceAnchor;

    /** @param maxEventsPerSecond cap on the event rate, or 0 for none */
    public PacingClock(Speed speed, double maxEventsPerSecond) {
        this.speed = speed;
        this.maxEventsPerSecond = maxEventsPerSecond;
    }

    public Speed speed() {
        return speed;
    }

    /** Starts (or restarts) pacing from simulated time {@code simUs} at wall time {@code nowNanos}. */
    public void anchor(long nowNanos, long simUs) {
        anchorWallNanos = nowNanos;
        anchorSimUs = simUs;
        eventsSinceAnchor = 0;
    }

    /** Changes the speed, keeping the simulated time reached so far. */
    public void setSpeed(Speed s, long nowNanos, long simUsNow) {
        speed = s;
        anchor(nowNanos, simUsNow);
    }

    /** The simulated time (µs) the run should have reached at {@code nowNanos}; Long.MAX_VALUE at max speed. */
    public long targetUs(long nowNanos) {
        if (speed.isMax()) return Long.MAX_VALUE;
        double elapsedUs = (nowNanos - anchorWallNanos) / 1000.0;
        return anchorSimUs + (long) (elapsedUs * speed.factor());
    }

    /** Wall nanoseconds from {@code nowNanos} until simulated time {@code simUs} is due (0 when due, or at max speed). */
    public long nanosUntil(long simUs, long nowNanos) {
        if (speed.isMax() || simUs == Long.MAX_VALUE) return 0;
        double wallAt = anchorWallNanos + (simUs - anchorSimUs) * 1000.0 / speed.factor();
        return Math.max(0, (long) Math.ceil(wallAt - nowNanos));
    }

    /** Whether the event-rate cap allows one more event at {@code nowNanos}. */
    public boolean mayRunEvent(long nowNanos) {
        if (maxEventsPerSecond <= 0) return true;
        double allowed = (nowNanos - anchorWallNanos) / 1e9 * maxEventsPerSecond;
        return eventsSinceAnchor < allowed + 1;
    }

    /** Wall nanoseconds until the event-rate cap allows the next event. */
    public long nanosUntilNextEvent(long nowNanos) {
        if (maxEventsPerSecond <= 0) return 0;
        double dueAt = anchorWallNanos + (eventsSinceAnchor) * 1e9 / maxEventsPerSecond;
        return Math.max(0, (long) Math.ceil(dueAt - nowNanos));
    }

    public void eventRun() {
        eventsSinceAnchor++;
    }

    /**
     * Called when the run could not keep up (the engine reached {@code simUs} later than scheduled):
     * re-anchors once the lag exceeds half a second, so a slow stretch is not followed by a burst.
     */
    public void keepUp(long nowNanos, long simUs) {
        if (speed.isMax()) return;
        long dueWall = anchorWallNanos + (long) ((simUs - anchorSimUs) * 1000.0 / speed.factor());
        if (nowNanos - dueWall > MAX_LAG_NANOS) anchor(nowNanos, simUs);
    }
}
