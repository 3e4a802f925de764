package gpufaas.workload.io;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.StartType;
import gpufaas.engine.run.EngineListener;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Streams {@code invocations.csv}: one row per invocation, in the order invocations end. The
 * columns are the contract's 17 (the last three match Ilúvatar's output) plus {@code reason}:
 * <pre>
 * tid,function_name,arrival_ms,dispatch_ms,start_ms,end_ms,queue_ms,exec_ms,e2e_ms,start_type,
 * was_cold,device,outcome,success,worker_duration_us,code_duration_sec,e2e_duration_us,reason
 * </pre>
 * <ul>
 * <li>{@code tid}: the invocation's id (arrival order, from 0).</li>
 * <li>{@code *_ms}: milliseconds since the start of the run with exactly 3 decimals (the engine's
 *     microseconds, printed exactly). {@code queue_ms} = dispatch − arrival, {@code exec_ms} =
 *     end − start, {@code e2e_ms} = end − arrival.</li>
 * <li>{@code start_type}: warm, gpu_cold, cold or cpu; {@code was_cold}: true when a new container
 *     was created for it; {@code device}: the device's name (e.g. {@code a30-0}, {@code cpu}).</li>
 * <li>{@code outcome}: completed, rejected, dropped or failed; {@code success}: outcome = completed.</li>
 * <li>{@code worker_duration_us} = end − dispatch (µs), {@code code_duration_sec} = end − start
 *     (seconds, 6 decimals), {@code e2e_duration_us} = end − arrival (µs).</li>
 * <li>{@code reason}: why it was rejected, dropped or failed; empty when it completed.</li>
 * </ul>
 * A field whose time does not exist is empty: an invocation never dispatched (rejected, dropped
 * from a queue) has no dispatch_ms, queue_ms, start_type, was_cold, device or worker_duration_us;
 * one never started has no start_ms, exec_ms or code_duration_sec. Function names and reasons are
 * quoted as RFC 4180 requires. Rows are written as bytes into a 1 MiB buffer; names are encoded once.
 */
public final class InvocationCsvWriter implements EngineListener, AutoCloseable {
    /** The header line, without its line feed. */
    public static final String HEADER = "tid,function_name,arrival_ms,dispatch_ms,start_ms,end_ms,queue_ms,exec_ms,"
            + "e2e_ms,start_type,was_cold,device,outcome,success,worker_duration_us,code_duration_sec,"
            + "e2e_duration_us,reason";
    /** Room for every fixed-size part of a row: 16 numeric fields of at most 24 bytes, labels, commas. */
    private static final int FIXED_ROW = 512;

    private static final byte[] TRUE = ascii("true");
    private static final byte[] FALSE = ascii("false");
    private static final byte[][] START = new byte[StartType.values().length][];
    private static final byte[][] OUTCOME = new byte[Outcome.values().length][];

    static {
        for (StartType t : StartType.values()) START[t.ordinal()] = ascii(t.label());
        for (Outcome o : Outcome.values()) OUTCOME[o.ordinal()] = ascii(o.label());
    }

    private final ByteSink out;
    private final byte[][] devices;
    private byte[][] names;
    private long rows;

    /**
     * @param deviceNames the engine's devices by index ({@code inv.device} indexes it)
     * @param functions   the workload's functions, whose names are encoded once (others lazily)
     */
    public InvocationCsvWriter(OutputStream out, List<String> deviceNames, List<FunctionSpec> functions) {
        this(new ByteSink(out, "invocations.csv", ByteSink.DEFAULT_SIZE), deviceNames, functions);
    }

    private InvocationCsvWriter(ByteSink sink, List<String> deviceNames, List<FunctionSpec> functions) {
        this.out = sink;
        this.devices = new byte[deviceNames.size()][];
        for (int i = 0; i < devices.length; i++) devices[i] = Csv.field(deviceNames.get(i));
        this.names = new byte[Math.max(1, functions.size())][];
        for (FunctionSpec f : functions) name(f);
        out.text(HEADER);
        out.ensure(1);
        out.put((byte) '\n');
    }

    /** A writer of {@code file} (created or truncated). */
    public static InvocationCsvWriter create(Path file, List<String> deviceNames, List<FunctionSpec> functions) {
        return new InvocationCsvWriter(ByteSink.create(file, ByteSink.DEFAULT_SIZE, true), deviceNames, functions);
    }

    @Override
    public void finished(Invocation inv) {
        write(inv);
    }

    /** Writes one row for an ended invocation. */
    public void write(Invocation inv) {
        byte[] name = name(inv.function);
        boolean dispatched = inv.dispatchUs >= 0;
        boolean started = inv.startUs >= 0;
        boolean ended = inv.endUs >= 0;
        byte[] device = dispatched && inv.device >= 0 && inv.device < devices.length ? devices[inv.device] : null;
        ByteSink o = out;
        o.ensure(FIXED_ROW + name.length + (device == null ? 0 : device.length));
        byte[] b = o.buf;
        int p = o.pos;
        long arrival = inv.arrivalUs;
        long end = inv.endUs;
        p = Ascii.putLong(b, p, inv.id);
        b[p++] = ',';
        p = Ascii.put(b, p, name);
        b[p++] = ',';
        p = Ascii.putMillis(b, p, arrival);
        b[p++] = ',';
        if (dispatched) p = Ascii.putMillis(b, p, inv.dispatchUs);
        b[p++] = ',';
        if (started) p = Ascii.putMillis(b, p, inv.startUs);
        b[p++] = ',';
        if (ended) p = Ascii.putMillis(b, p, end);
        b[p++] = ',';
        if (dispatched) p = Ascii.putMillis(b, p, inv.dispatchUs - arrival);
        b[p++] = ',';
        if (started && ended) p = Ascii.putMillis(b, p, end - inv.startUs);
        b[p++] = ',';
        if (ended) p = Ascii.putMillis(b, p, end - arrival);
        b[p++] = ',';
        if (dispatched && inv.startType != null) p = Ascii.put(b, p, START[inv.startType.ordinal()]);
        b[p++] = ',';
        if (dispatched) p = Ascii.put(b, p, inv.coldStart ? TRUE : FALSE);
        b[p++] = ',';
        if (device != null) p = Ascii.put(b, p, device);
        b[p++] = ',';
        if (inv.outcome != null) p = Ascii.put(b, p, OUTCOME[inv.outcome.ordinal()]);
        b[p++] = ',';
        p = Ascii.put(b, p, inv.outcome == Outcome.COMPLETED ? TRUE : FALSE);
        b[p++] = ',';
        if (dispatched && ended) p = Ascii.putLong(b, p, end - inv.dispatchUs);
        b[p++] = ',';
        if (started && ended) p = Ascii.putMicros(b, p, end - inv.startUs);
        b[p++] = ',';
        if (ended) p = Ascii.putLong(b, p, end - arrival);
        b[p++] = ',';
        if (inv.reason == null) {
            b[p++] = '\n';
            o.pos = p;
        } else {
            o.pos = p;
            o.csvField(inv.reason);
            o.ensure(1);
            o.put((byte) '\n');
        }
        rows++;
    }

    private byte[] name(FunctionSpec f) {
        int id = f.id();
        if (id >= names.length) names = Arrays.copyOf(names, Math.max(id + 1, names.length * 2));
        byte[] b = names[id];
        if (b == null) names[id] = b = Csv.field(f.name());
        return b;
    }

    /** Rows written so far (without the header). */
    public long rows() {
        return rows;
    }

    /** Drains the buffer to the file (the writer stays open). */
    public void flush() {
        out.drain();
    }

    @Override
    public void close() {
        out.close();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
