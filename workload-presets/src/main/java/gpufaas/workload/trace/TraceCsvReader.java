package gpufaas.workload.trace;

import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.csv.CsvFile;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Streams an Ilúvatar trace CSV ({@code func_name,invoke_time_ms}, header required, columns found
 * by name, extra columns ignored) as an {@link ArrivalSource}. Parses bytes straight from a 1 MiB
 * buffer: no String or array is made per line, names are looked up on their bytes. One line parser
 * serves every layout and one number parser ({@link MillisText}) every time: times may be integers
 * or decimals (milliseconds) and are rounded half-up to microseconds. Every row has as many fields
 * as the header, and the trace must be sorted by time; every problem is a {@link BadInputException}
 * naming file, line and column (a row with another number of fields: both counts).
 */
public final class TraceCsvReader implements ArrivalSource {
    static final String NAME = "func_name";
    static final String TIME = "invoke_time_ms";
    static final String SLO = "slo_ms";
    private static final int MAX_LINE = 1 << 26;
    private static final int AHEAD = 1 << 16;
    private static final int NEED_MORE = Integer.MIN_VALUE;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long COMMAS = ONES * ',';
    private static final long NEWLINES = ONES * '\n';

    private final InputStream in;
    private final String source;
    private final NameTable names;
    /** the header's column names (lower case, unquoted); every row has as many fields */
    private final String[] header;

    private final int nameCol;
    private final int timeCol;
    /** the optional per-invocation SLO column, -1 when absent */
    private final int sloCol;

    private long sloUs = -1;
    private byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    private long line;
    private long timeUs;
    private int function = -1;
    private long count;

    /** Reads {@code in}, naming it {@code source} in errors; {@code ids} maps function names to ids. */
    public TraceCsvReader(InputStream in, String source, Map<String, Integer> ids) {
        this.in = in;
        this.source = source;
        this.names = new NameTable(ids);
        this.header = readHeader();
        this.nameCol = find(header, NAME);
        this.timeCol = find(header, TIME);
        this.sloCol = Arrays.asList(header).indexOf(SLO);
    }

    /** Opens {@code file} for the given functions (ids are theirs). */
    public static TraceCsvReader open(Path file, List<FunctionSpec> functions) {
        return open(file, idsOf(functions));
    }

    public static TraceCsvReader open(Path file, Map<String, Integer> ids) {
        InputStream s;
        try {
            s = Files.newInputStream(file);
        } catch (IOException e) {
            throw BadInputException.of(file.toString(), "cannot read trace: " + e.getMessage());
        }
        try {
            return new TraceCsvReader(s, file.toString(), ids);
        } catch (RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
    }

    /** name → id of {@code functions}. */
    public static Map<String, Integer> idsOf(List<FunctionSpec> functions) {
        Map<String, Integer> ids = new HashMap<>();
        for (FunctionSpec f : functions) ids.put(f.name(), f.id());
        return ids;
    }

    @Override
    public boolean advance() {
        while (true) {
            if (limit - pos < AHEAD && !eof) fill();
            if (pos >= limit) return false;
            int next = parseLine(pos);
            if (next == NEED_MORE) {
                fill();
                continue;
            }
            line++;
            boolean blank = next < 0;
            pos = blank ? -next - 1 : next;
            if (blank) continue;
            count++;
            return true;
        }
    }

    @Override
    public long timeUs() {
        return timeUs;
    }

    @Override
    public int function() {
        return function;
    }

    /** The row's own {@code slo_ms} (µs), or -1 when the trace has no such column or the cell is empty. */
    @Override
    public long sloUs() {
        return sloUs;
    }

    @Override
    public String describe() {
        return source;
    }

    /** Rows read so far. */
    public long count() {
        return count;
    }

    /** Line number of the current row (1 = header). */
    public long line() {
        return line;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw BadInputException.of(source, "cannot read trace: " + e.getMessage());
        }
    }

    /**
     * Parses the line starting at {@code start} in one pass, field by field (each field's end found
     * eight bytes at a time; the name looked up on its bytes, times parsed by {@link MillisText}).
     * Returns the index after it, {@code -(index after) - 1} for a blank line, or {@link #NEED_MORE}
     * when the buffer ends inside the line and more input may follow (the line is then parsed again
     * from its start). A row must have as many fields as the header.
     */
    private int parseLine(int start) {
        final byte[] b = buf;
        final int lim = limit;
        byte c0 = b[start];
        if (c0 == '\n' || c0 == '\r' || c0 == ' ' || c0 == '\t') {
            int j = start;
            while (j < lim && MillisText.isSpace(b[j])) j++;
            if (j >= lim && !eof) return NEED_MORE;
            if (j >= lim || b[j] == '\n') return -(Math.min(j + 1, lim)) - 1;
        }
        int col = 0;
        int fn = -1;
        long t = -1;
        long slo = -1;
        int i = start;
        while (true) {
            int s = i;
            boolean quoted = s < lim && b[s] == '"';
            int e = quoted ? quotedFieldEnd(s, col) : fieldEnd(s);
            if (e < 0) return NEED_MORE;
            if (col == nameCol) fn = quoted ? lookupQuoted(s, e) : lookup(s, e);
            else if (col == timeCol) t = parseTime(s, e);
            else if (col == sloCol) slo = sloCell(s, e);
            col++;
            if (e >= lim || b[e] == '\n') {
                i = e;
                break;
            }
            i = e + 1;
        }
        if (col != header.length) throw ragged(col);
        if (t < timeUs && count > 0) {
            throw new BadInputException(
                    source,
                    line + 1,
                    TIME,
                    "trace must be sorted by invoke_time_ms: " + fmtMs(t) + " comes after " + fmtMs(timeUs));
        }
        timeUs = t;
        function = fn;
        sloUs = slo;
        return Math.min(i + 1, lim);
    }

    /** A row with {@code fields} fields where the header has another number: names the first missing column, if any. */
    private BadInputException ragged(int fields) {
        String missing = fields < header.length ? header[fields] : null;
        return new BadInputException(
                source,
                line + 1,
                missing,
                "the row has " + fields + (fields == 1 ? " field" : " fields")
                        + " but the header has " + header.length + " (" + String.join(",", header) + ")"
                        + (missing == null ? "" : ": value is missing"));
    }

    /** Index of the ',' or '\n' ending the field at {@code s} (or the end of input); -1 when more input is needed. */
    private int fieldEnd(int s) {
        final byte[] b = buf;
        final int lim = limit;
        int i = s;
        while (i + 8 <= lim) { // eight bytes at a time: the lowest flagged byte is the first match
            long w = (long) LONGS.get(b, i);
            long x = w ^ COMMAS;
            long y = w ^ NEWLINES;
            long z = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
            if (z != 0) return i + (Long.numberOfTrailingZeros(z) >>> 3);
            i += 8;
        }
        while (i < lim) {
            byte c = b[i];
            if (c == ',' || c == '\n') return i;
            i++;
        }
        return eof ? lim : -1;
    }

    /**
     * Index of the ',' or '\n' after the quoted field opening at {@code s} (quotes inside doubled, as
     * RFC 4180 says); -1 when more input is needed.
     */
    private int quotedFieldEnd(int s, int col) {
        final byte[] b = buf;
        final int lim = limit;
        int i = s + 1;
        while (true) {
            if (i >= lim) {
                if (!eof) return -1;
                throw new BadInputException(source, line + 1, columnName(col), "quoted value is not closed");
            }
            if (b[i] == '"') {
                if (i + 1 >= lim && !eof) return -1;
                if (i + 1 < lim && b[i + 1] == '"') {
                    i += 2;
                    continue;
                }
                int j = i + 1;
                while (j < lim && MillisText.isSpace(b[j])) j++;
                if (j >= lim) return eof ? lim : -1;
                if (b[j] == ',' || b[j] == '\n') return j;
                throw new BadInputException(
                        source, line + 1, columnName(col), "unexpected characters after a closing quote");
            }
            i++;
        }
    }

    private String columnName(int col) {
        return col < header.length ? header[col] : "column " + (col + 1);
    }

    /** The function named by the quoted field {@code [s, e)}, with doubled quotes undone. */
    private int lookupQuoted(int s, int e) {
        int close = e - 1;
        while (close > s && buf[close] != '"') close--;
        String name = new String(buf, s + 1, close - s - 1, StandardCharsets.UTF_8).replace("\"\"", "\"");
        byte[] raw = name.getBytes(StandardCharsets.UTF_8);
        int id = names.find(raw, 0, raw.length);
        if (id < 0) {
            throw new BadInputException(
                    source, line + 1, NAME, "unknown function '" + name + "' (not in the functions list)");
        }
        return id;
    }

    private int lookup(int s, int e) {
        int id = names.find(buf, s, e);
        if (id >= 0) return id;
        while (s < e && MillisText.isSpace(buf[s])) s++;
        while (e > s && MillisText.isSpace(buf[e - 1])) e--;
        if (e - s >= 2 && buf[s] == '"' && buf[e - 1] == '"') {
            s++;
            e--;
        }
        if (s == e) throw new BadInputException(source, line + 1, NAME, "value is missing");
        id = names.find(buf, s, e);
        if (id < 0) {
            throw new BadInputException(
                    source,
                    line + 1,
                    NAME,
                    "unknown function '" + new String(buf, s, e - s, StandardCharsets.UTF_8)
                            + "' (not in the functions list)");
        }
        return id;
    }

    /** An slo_ms cell: empty means none; otherwise a non-negative number of milliseconds. */
    private long sloCell(int s, int e) {
        int a = s;
        int z = e;
        while (a < z && MillisText.isSpace(buf[a])) a++;
        while (z > a && MillisText.isSpace(buf[z - 1])) z--;
        if (a == z) return -1;
        try {
            return MillisText.micros(buf, a, z);
        } catch (IllegalArgumentException x) {
            throw new BadInputException(source, line + 1, SLO, x.getMessage());
        }
    }

    private long parseTime(int s, int e) {
        try {
            return MillisText.micros(buf, s, e);
        } catch (IllegalArgumentException x) {
            throw new BadInputException(source, line + 1, TIME, x.getMessage());
        }
    }

    /** Moves the unread bytes to the front (growing the buffer for a long line) and reads more. */
    private void fill() {
        int rest = limit - pos;
        if (pos == 0) ensureRoom();
        System.arraycopy(buf, pos, buf, 0, rest);
        pos = 0;
        limit = rest;
        try {
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) eof = true;
            else limit += n;
        } catch (IOException e) {
            throw new BadInputException(source, line, null, "cannot read trace: " + e.getMessage());
        }
    }

    private void ensureRoom() {
        if (limit < buf.length) return;
        if (buf.length >= MAX_LINE) throw new BadInputException(source, line + 1, null, "line longer than 64 MiB");
        buf = Arrays.copyOf(buf, buf.length * 2);
    }

    private String[] readHeader() {
        int eol;
        while ((eol = indexOf('\n', pos, limit)) < 0 && !eof) fill();
        if (eol < 0) eol = limit;
        if (limit == 0)
            throw new BadInputException(source, 1, null, "file is empty; header func_name,invoke_time_ms required");
        line = 1;
        int start = eol >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF ? 3 : 0;
        String text = new String(buf, start, Math.max(0, eol - start), StandardCharsets.UTF_8);
        pos = Math.min(eol + 1, limit);
        // split as the rows are: a quoted name may hold a comma
        String[] cols = CsvFile.fields(text, source, 1).toArray(String[]::new);
        for (int i = 0; i < cols.length; i++) cols[i] = cols[i].strip().toLowerCase(Locale.ROOT);
        return cols;
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) if (buf[i] == c) return i;
        return -1;
    }

    private int find(String[] header, String column) {
        for (int i = 0; i < header.length; i++) if (header[i].equals(column)) return i;
        throw new BadInputException(
                source,
                1,
                column,
                "missing column; a trace needs the header func_name,invoke_time_ms" + " (found: "
                        + String.join(",", header) + ")");
    }

    private static String fmtMs(long us) {
        return TraceCsvWriter.formatMs(us) + " ms";
    }

    private static void closeQuietly(InputStream s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // the original error matters more
        }
    }
}
