package gpufaas.workload.io;

import gpufaas.engine.run.TimeSeriesRow;
import gpufaas.engine.run.TimeSeriesSink;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Streams {@code timeseries.csv}: one row per device at the end of every interval, with the header
 * <pre>
 * time_s,device,queued,in_flight,executing,utilization,mem_used_mb,mem_capacity_mb,containers,
 * containers_on_host,arrivals,completed,cold_starts,mean_e2e_ms,failed,oversubscribed,paging_factor,
 * mem_context_mb,mean_in_system
 * </pre>
 * {@code time_s}: end of the interval in seconds, exact to the microsecond, no trailing zeros.
 * {@code queued} and {@code arrivals} are server-wide (the queue of the policy serving the
 * device's kind); the other columns are the device's. {@code utilization} (0..1: the share of the
 * interval during which at least one kernel ran, as NVML reports it) and the {@code completed},
 * {@code cold_starts}, {@code mean_e2e_ms} and {@code failed} counts cover the interval (failed
 * invocations are not counted as completed); the others are the state at its end.
 * {@code oversubscribed} is 1 when the memory ledger is above capacity (running invocations need
 * more than the device has) and {@code paging_factor} the execution-time factor that executions
 * started then pay (1 otherwise); {@code mem_context_mb} is the part of {@code mem_used_mb} held by
 * the CUDA contexts of the device's containers. {@code mean_in_system} (server-wide, like
 * {@code queued}) is the time average over the interval of the invocations arrived and not yet
 * ended: Σ mean_in_system × interval length = Σ end-to-end times (Little's law). Doubles have 6 significant digits;
 * {@code mean_e2e_ms} is empty when nothing completed on the device in the interval.
 */
public final class TimeSeriesCsvWriter implements TimeSeriesSink, AutoCloseable {
    /** The header line, without its line feed. */
    public static final String HEADER = "time_s,device,queued,in_flight,executing,utilization,mem_used_mb,"
            + "mem_capacity_mb,containers,containers_on_host,arrivals,completed,cold_starts,mean_e2e_ms,failed,"
            + "oversubscribed,paging_factor,mem_context_mb,mean_in_system";

    private final ByteSink out;
    private final Map<String, byte[]> deviceBytes = new HashMap<>();
    private long rows;

    public TimeSeriesCsvWriter(OutputStream out) {
        this(new ByteSink(out, "timeseries.csv", 1 << 16));
    }

    private TimeSeriesCsvWriter(ByteSink sink) {
        this.out = sink;
        out.text(HEADER + "\n");
    }

    /** A writer of {@code file} (created or truncated). */
    public static TimeSeriesCsvWriter create(Path file) {
        return new TimeSeriesCsvWriter(ByteSink.create(file, 1 << 16, false));
    }

    @Override
    public void row(TimeSeriesRow r) {
        ByteSink o = out;
        o.text(Num.seconds(Math.round(r.timeS() * 1e6)));
        o.ensure(1);
        o.put((byte) ',');
        byte[] device = deviceBytes.computeIfAbsent(r.device(), Csv::field);
        o.ensure(device.length + 3 * 25);
        o.put(device);
        o.put((byte) ',');
        o.putLong(r.queued());
        o.put((byte) ',');
        o.putLong(r.inFlight());
        o.put((byte) ',');
        o.putLong(r.executing());
        o.put((byte) ',');
        o.text(Num.csv(r.utilization()));
        o.text(",");
        o.text(Num.csv(r.memUsedMb()));
        o.text(",");
        o.text(Num.csv(r.memCapacityMb()));
        o.ensure(5 * 25);
        o.put((byte) ',');
        o.putLong(r.containers());
        o.put((byte) ',');
        o.putLong(r.containersOnHost());
        o.put((byte) ',');
        o.putLong(r.arrivals());
        o.put((byte) ',');
        o.putLong(r.completed());
        o.put((byte) ',');
        o.putLong(r.coldStarts());
        o.put((byte) ',');
        o.text(Num.csv(r.meanE2eMs()));
        o.ensure(40);
        o.put((byte) ',');
        o.putLong(r.failed());
        o.put((byte) ',');
        o.put((byte) (r.oversubscribed() ? '1' : '0'));
        o.text(",");
        o.text(Num.csv(r.pagingFactor()));
        o.text(",");
        o.text(Num.csv(r.contextMb()));
        o.text(",");
        o.text(Num.csv(r.meanInSystem()));
        o.text("\n");
        rows++;
    }

    /** Rows written so far (without the header). */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        out.close();
    }
}
