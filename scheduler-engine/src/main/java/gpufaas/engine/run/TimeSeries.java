package gpufaas.engine.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;

import java.util.List;

/**
 * Emits one row per device at every interval boundary the run passes. State between events is
 * constant, so the row for boundary b is taken just before the first event later than b.
 */
final class TimeSeries {
    private final Engine engine;
    private final TimeSeriesSink sink;
    private final long intervalUs;
    private long nextUs;
    private long arrivals;
    private final long[] completed;
    private final long[] cold;
    private final double[] e2eSumMs;
    private final long[] busyAtLast;

    TimeSeries(Engine engine, TimeSeriesSink sink, long intervalUs) {
        this.engine = engine;
        this.sink = sink;
        this.intervalUs = intervalUs;
        this.nextUs = intervalUs;
        int n = engine.devices().size();
        completed = new long[n];
        cold = new long[n];
        e2eSumMs = new double[n];
        busyAtLast = new long[n];
    }

    void arrived() { arrivals++; }

    void completed(Device d, Invocation inv) {
        completed[d.index]++;
        if (inv.coldStart) cold[d.index]++;
        e2eSumMs[d.index] += inv.e2eUs() / 1000.0;
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

    private void emit(long at) {
        List<Device> ds = engine.devices();
        long span = Math.max(1, at - (nextUs - intervalUs));
        for (int i = 0, nd = ds.size(); i < nd; i++) {
            Device d = ds.get(i);
            long busy = d.gate.busyUs(at);
            double util = (double) (busy - busyAtLast[d.index]) / span;
            busyAtLast[d.index] = busy;
            int onHost = d.containersOnHost();
            long n = completed[d.index];
            sink.row(new TimeSeriesRow(at / 1e6, d.name, engine.queuedFor(d), d.inFlight(), d.executing(),
                    Math.min(1.0, util), d.usedMb(), d.memoryMb, d.containerCount(), onHost,
                    arrivals, n, cold[d.index], n == 0 ? Double.NaN : e2eSumMs[d.index] / n));
            completed[d.index] = 0;
            cold[d.index] = 0;
            e2eSumMs[d.index] = 0;
        }
        arrivals = 0;
    }
}
