package gpufaas.engine.device;

/**
 * The utilization estimate behind the dispatch gate (reference §5): each grant raises the estimate
 * (by estimate/running, running = invocations holding a token, or by 50 points when none does) until the next monitoring sample
 * replaces it with 0.6 × measured + 0.4 × estimate. Samples are applied lazily, in closed form
 * over long stretches with no change, so an idle day costs nothing. "Measured" is the share of
 * the interval in which at least one invocation was executing.
 */
public final class UtilizationGate {
    private static final double NEW_WEIGHT = 0.6;
    private final long periodUs;
    private double limitPct;
    private double estimatePct;
    private boolean busy;
    private long lastUs;
    private long nextSampleUs;
    private long busyAccUs;
    private long totalBusyUs;

    public UtilizationGate(long periodUs, double limitPct) {
        if (periodUs <= 0) throw new IllegalArgumentException("sample period must be positive");
        this.periodUs = periodUs;
        this.limitPct = limitPct;
        this.nextSampleUs = periodUs;
    }

    public void setLimit(double limitPct) { this.limitPct = limitPct; }

    public double limitPct() { return limitPct; }

    /** true when the gate is off (limit 0 or >= 100) or the estimate is at most the limit */
    public boolean open(long now) {
        if (limitPct <= 0 || limitPct >= 100) return true;
        advance(now);
        return estimatePct <= limitPct;
    }

    /** Records a grant on a device where {@code running} invocations already hold tokens. */
    public void granted(long now, int running) {
        advance(now);
        estimatePct += running > 0 ? estimatePct / running : 50.0;
    }

    /** Records whether at least one invocation executes from {@code now} on. */
    public void setBusy(long now, boolean nowBusy) {
        advance(now);
        busy = nowBusy;
    }

    public double estimatePct(long now) {
        advance(now);
        return estimatePct;
    }

    /** The next sample boundary after {@code now}: when a closed gate may open again. */
    public long nextSampleUs(long now) {
        advance(now);
        return nextSampleUs;
    }

    /** Microseconds with at least one invocation executing, up to {@code now}. */
    public long busyUs(long now) {
        advance(now);
        return totalBusyUs;
    }

    private void advance(long now) {
        if (now <= lastUs) return;
        if (now < nextSampleUs) {
            accumulate(now);
            return;
        }
        accumulate(nextSampleUs);
        sample((double) busyAccUs / periodUs);
        busyAccUs = 0;
        nextSampleUs += periodUs;
        if (now >= nextSampleUs) {
            long n = (now - nextSampleUs) / periodUs + 1;
            double m = busy ? 100.0 : 0.0;
            estimatePct = m + (estimatePct - m) * Math.pow(1 - NEW_WEIGHT, n);
            long end = nextSampleUs + (n - 1) * periodUs;
            if (busy) totalBusyUs += end - lastUs;
            lastUs = end;
            nextSampleUs = end + periodUs;
        }
        accumulate(now);
    }

    private void accumulate(long until) {
        if (busy) {
            busyAccUs += until - lastUs;
            totalBusyUs += until - lastUs;
        }
        lastUs = until;
    }

    private void sample(double measuredFraction) {
        estimatePct = NEW_WEIGHT * measuredFraction * 100.0 + (1 - NEW_WEIGHT) * estimatePct;
    }
}
