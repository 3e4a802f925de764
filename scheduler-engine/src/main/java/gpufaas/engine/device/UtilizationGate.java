package gpufaas.engine.device;

/**
 * The utilization estimate behind the dispatch gate (reference §5), and the device's busy-time
 * counters. A monitor samples the device every period; its reading is smoothed (0.6 × new sample
 * + 0.4 × the previous smoothed value) and replaces the estimate. Between samples each grant
 * raises the estimate by one running invocation's share (estimate/running, running = invocations
 * holding a token, or by 50 points when none does), and each token given back lowers it by one
 * share (estimate × (running − 1)/running), as the reference control plane's GPU manager does, so
 * a grant's increment lasts until the next sample or the invocation's end, whichever comes first.
 * A sample is what NVML's utilization reports: the share of the sample period during which at least
 * one kernel ran. The device reports that share as a rate
 * (0 when no kernel can run, 1 when one surely runs; between for executions whose kernels run part
 * of the time). Samples are applied lazily, in closed form over long stretches with no change, so
 * an idle day costs nothing. The gate also counts the time at least one invocation executes.
 */
public final class UtilizationGate {
    private static final double NEW_WEIGHT = 0.6;
    /** Math.pow(1 - NEW_WEIGHT, n) for the n most lazy advances cross, computed by Math.pow itself */
    private static final double[] KEEP_POW = new double[64];

    static {
        for (int n = 0; n < KEEP_POW.length; n++) KEEP_POW[n] = Math.pow(1 - NEW_WEIGHT, n);
    }

    private final long periodUs;
    private double limitPct;
    private double estimatePct;
    /** the monitor's smoothed reading */
    private double smoothedPct;
    /** kernel-busy share now */
    private double rate;
    /** at least one invocation executing now */
    private boolean executing;

    private long lastUs;
    private long nextSampleUs;
    private double busyAccUs;
    private double totalBusyUs;
    private long totalExecUs;

    public UtilizationGate(long periodUs, double limitPct) {
        if (periodUs <= 0) throw new IllegalArgumentException("sample period must be positive");
        this.periodUs = periodUs;
        this.limitPct = limitPct;
        this.nextSampleUs = periodUs;
    }

    public void setLimit(double limitPct) {
        this.limitPct = limitPct;
    }

    public double limitPct() {
        return limitPct;
    }

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

    /** Records a token given back on a device where {@code running} invocations held tokens (this one included). */
    public void released(long now, int running) {
        advance(now);
        estimatePct = running > 0 ? estimatePct / running * (running - 1) : 0;
    }

    /** From {@code now} on, kernels run {@code kernelShare} of the time and {@code anyExecuting} says whether any invocation executes. */
    public void setActivity(long now, double kernelShare, boolean anyExecuting) {
        advance(now);
        rate = Math.max(0, Math.min(1, kernelShare));
        executing = anyExecuting;
    }

    public double estimatePct(long now) {
        advance(now);
        return estimatePct;
    }

    /**
     * The estimate the gate would compare at {@code now}, without moving its own clock: observers (the
     * GUI, explanations) read through this, so reading never changes a run's arithmetic.
     */
    public double estimatePctAt(long now) {
        if (now <= lastUs || now < nextSampleUs) return estimatePct;
        UtilizationGate g = new UtilizationGate(periodUs, limitPct);
        g.estimatePct = estimatePct;
        g.smoothedPct = smoothedPct;
        g.rate = rate;
        g.executing = executing;
        g.lastUs = lastUs;
        g.nextSampleUs = nextSampleUs;
        g.busyAccUs = busyAccUs;
        return g.estimatePct(now);
    }

    /** Whether the gate would let a grant through at {@code now}, without moving its clock (see {@link #estimatePctAt}). */
    public boolean openAt(long now) {
        return limitPct <= 0 || limitPct >= 100 || estimatePctAt(now) <= limitPct;
    }

    /** The next sample boundary after {@code now}: when a closed gate may open again. */
    public long nextSampleUs(long now) {
        advance(now);
        return nextSampleUs;
    }

    /** Kernel-busy microseconds (NVML's utilization × time) up to {@code now}. */
    public long busyUs(long now) {
        advance(now);
        return Math.round(totalBusyUs);
    }

    /** Microseconds with at least one invocation executing, up to {@code now}. */
    public long executingUs(long now) {
        advance(now);
        return totalExecUs;
    }

    private void advance(long now) {
        if (now <= lastUs) return;
        if (now < nextSampleUs) {
            accumulate(now);
            return;
        }
        accumulate(nextSampleUs);
        sample(busyAccUs / periodUs);
        busyAccUs = 0;
        nextSampleUs += periodUs;
        if (now >= nextSampleUs) {
            long n = (now - nextSampleUs) / periodUs + 1;
            double m = rate * 100.0;
            smoothedPct =
                    m + (smoothedPct - m) * (n < KEEP_POW.length ? KEEP_POW[(int) n] : Math.pow(1 - NEW_WEIGHT, n));
            estimatePct = smoothedPct;
            long end = nextSampleUs + (n - 1) * periodUs;
            totalBusyUs += rate * (end - lastUs);
            if (executing) totalExecUs += end - lastUs;
            lastUs = end;
            nextSampleUs = end + periodUs;
        }
        accumulate(now);
    }

    private void accumulate(long until) {
        long dt = until - lastUs;
        if (rate > 0) {
            busyAccUs += rate * dt;
            totalBusyUs += rate * dt;
        }
        if (executing) totalExecUs += dt;
        lastUs = until;
    }

    private void sample(double measuredFraction) {
        smoothedPct = NEW_WEIGHT * measuredFraction * 100.0 + (1 - NEW_WEIGHT) * smoothedPct;
        estimatePct = smoothedPct;
    }
}
