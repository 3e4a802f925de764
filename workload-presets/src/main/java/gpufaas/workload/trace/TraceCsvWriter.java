package gpufaas.workload.trace;

import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes arrivals as an Ilúvatar trace CSV ({@code func_name,invoke_time_ms}); times in
 * milliseconds with up to three decimals, so microsecond times survive a round trip through
 * {@link TraceCsvReader} exactly.
 */
public final class TraceCsvWriter implements AutoCloseable {
    private final OutputStream out;
    private final byte[][] names;
    private final byte[] num = new byte[32];
    private long rows;

    public TraceCsvWriter(OutputStream out, List<FunctionSpec> functions) {
        this.out = out instanceof BufferedOutputStream ? out : new BufferedOutputStream(out, 1 << 16);
        this.names = new byte[functions.size()][];
        for (FunctionSpec f : functions) {
            if (f.name().matches(".*[,\"\\r\\n].*")) {
                throw new BadInputException(
                        "trace",
                        0,
                        TraceCsvReader.NAME,
                        "function name '" + f.name()
                                + "' holds a comma, quote or line break; a trace CSV cannot store it");
            }
            names[f.id()] = f.name().getBytes(StandardCharsets.UTF_8);
        }
        put("func_name,invoke_time_ms\n".getBytes(StandardCharsets.US_ASCII));
    }

    public static TraceCsvWriter create(Path file, List<FunctionSpec> functions) {
        try {
            return new TraceCsvWriter(Files.newOutputStream(file), functions);
        } catch (IOException e) {
            throw BadInputException.of(file.toString(), "cannot write trace: " + e.getMessage());
        }
    }

    /** Writes one arrival of function {@code function} at {@code timeUs}. */
    public void write(long timeUs, int function) {
        if (timeUs < 0) throw new IllegalArgumentException("negative time " + timeUs);
        put(names[function]);
        put(',');
        long ms = timeUs / 1000;
        int frac = (int) (timeUs % 1000);
        writeLong(ms);
        if (frac != 0) {
            put('.');
            put((byte) ('0' + frac / 100));
            if (frac % 100 != 0) {
                put((byte) ('0' + frac / 10 % 10));
                if (frac % 10 != 0) put((byte) ('0' + frac % 10));
            }
        }
        put('\n');
        rows++;
    }

    /** Drains {@code source} into this file (without closing it); returns the rows written. */
    public long writeAll(ArrivalSource source) {
        long n = 0;
        while (source.advance()) {
            write(source.timeUs(), source.function());
            n++;
        }
        return n;
    }

    public long rows() {
        return rows;
    }

    /** Milliseconds with up to three decimals, as written to the file. */
    public static String formatMs(long us) {
        String ms = Long.toString(us / 1000);
        int frac = (int) Math.abs(us % 1000);
        if (frac == 0) return ms;
        String f = String.format("%03d", frac);
        while (f.endsWith("0")) f = f.substring(0, f.length() - 1);
        return ms + "." + f;
    }

    private void writeLong(long v) {
        int i = num.length;
        do {
            num[--i] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        try {
            out.write(num, i, num.length - i);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(byte[] b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void put(char c) {
        put((byte) c);
    }

    private void put(byte b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
