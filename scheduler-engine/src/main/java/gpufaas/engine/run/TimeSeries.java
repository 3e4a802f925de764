package gpufaas.engine.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import java.util.List;

/**
 * Emits one row per device at every interval boundary the run passes. It listens to the same
 * events as the run's metrics (arrivals, and invocations ending with their outcome), so both count
 * alike: a failed invocation is counted as failed, not as completed. State between events is
 * constant, so the row for boundary b is taken just before the first event later than b.
 */
final class TimeSeries implements EngineListener {
    private final Engine engine;
    private final TimeSeriesSink sink;
    private final long intervalUs;
    private long nextUs;
    private long arrivals;
    private final long[] completed;
    private final long[] failed;
    private final long[] cold;
    private final double[] e2eSumMs;
    private final long[] busyAtLast;
    /** invocations arrived and not ended, and ∫ of that over the current interval (µs) */
    private long inSystem;

    private double inSystemArea;
    private long inSystemSince;

    TimeSeries(Engine engine, TimeSeriesSink sink, long intervalUs) {
        this.engine = engine;
        this.sink = sink;
        this.intervalUs = intervalUs;
        this.nextUs = intervalUs;
        int n = engine.devices().size();
        completed = new long[n];
        failed = new long[n];
        cold = new long[n];
        e2eSumMs = new double[n];
        busyAtLast = new long[n];
    }

    @Override
    public void arrived(Invocation inv) {
        arrivals++;
        integrateTo(inv.arrivalUs);
        inSystem++;
    }

    @Override
    public void finished(Invocation inv) {
        integrateTo(inv.endUs);
        inSystem--;
        int d = inv.device;
        if (d < 0) return; // rejected or dropped before it reached a device: counted by the metrics only
        if (inv.outcome == Outcome.FAILED) {
            failed[d]++;
        } else if (inv.outcome == Outcome.COMPLETED) {
            completed[d]++;
            if (inv.coldStart) cold[d]++;
            e2eSumMs[d] += inv.e2eUs() / 1000.0;
        }
    }

    /** Emits rows for every boundary strictly before {@code nextEventUs}. */
    void before(long nextEventUs) {
        while (nextUs < nextEventUs) {
            emit(nextUs);
            nextUs += intervalUs;
        }
    }

    /** Emits the remaining boundaries up to the end, and a last (partial) row at the end time. */
    void end(long endUs) {
        while (nextUs <= endUs) {
            emit(nextUs);
            nextUs += intervalUs;
        }
        if (nextUs - intervalUs < endUs) emit(endUs);
    }

    private void integrateTo(long t) {
        if (t > inSystemSince) {
            inSystemArea += (double) inSystem * (t - inSystemSince);
            inSystemSince = t;
        }
    }

    private void emit(long at) {
        List<Device> ds = engine.devices();
        long span = Math.max(1, at - (nextUs - intervalUs));
        integrateTo(at);
        double meanInSystem = inSystemArea / span;
        inSystemArea = 0;
        for (int i = 0, nd = ds.size(); i < nd; i++) {
            Device d = ds.get(i);
            long busy = d.gate.busyUs(at);
            double util = (double) (busy - busyAtLast[d.index]) / span;
            busyAtLast[d.index] = busy;
            long n = completed[d.index];
            boolean over = d.oversubscribed();
            sink.row(new TimeSeriesRow(
                    at / 1e6,
                    d.name,
                    engine.sides().queuedFor(d),
                    d.inFlight(),
                    d.executing(),
                    Math.min(1.0, util),
                    d.usedMb(),
                    d.memoryMb,
                    d.containerCount(),
                    d.containersOnHost(),
                    arrivals,
                    n,
                    cold[d.index],
                    n == 0 ? Double.NaN : e2eSumMs[d.index] / n,
                    failed[d.index],
                    over,
                    over ? d.profile.uvmOversubscribedFactor() : 1.0,
                    d.contextMb(),
                    meanInSystem));
            completed[d.index] = 0;
            failed[d.index] = 0;
            cold[d.index] = 0;
            e2eSumMs[d.index] = 0;
        }
        arrivals = 0;
    }
}
