package gpufaas.workload.csv;

import gpufaas.engine.model.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line-oriented reader of small and medium CSV files with a header: columns are found by name
 * (case-insensitive, unknown columns ignored), fields may be quoted (RFC 4180 quotes within one
 * line), empty lines are skipped, a row must have as many fields as the header, and every problem
 * becomes a {@link BadInputException} naming the file, the line and the column. Not for huge
 * traces: {@code TraceCsvReader} parses bytes instead.
 */
public final class CsvFile implements AutoCloseable {
    private final BufferedReader in;
    private final String source;
    private final List<String> header;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder cell = new StringBuilder();
    private long line;

    private CsvFile(Reader reader, String source) {
        this.in = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.source = source;
        String first = readLine();
        if (first == null) throw new BadInputException(source, 1, null, "file is empty; a header line is required");
        if (!first.isEmpty() && first.charAt(0) == '\uFEFF') first = first.substring(1);
        split(first);
        List<String> h = new ArrayList<>();
        for (String f : fields) h.add(f.trim());
        this.header = List.copyOf(h);
    }

    /** Opens {@code file}; a missing or unreadable file is a {@link BadInputException}. */
    public static CsvFile open(Path file) {
        try {
            return new CsvFile(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw BadInputException.of(file.toString(), "no such file");
        } catch (IOException e) {
            throw BadInputException.of(file.toString(), "cannot read file: " + e.getMessage());
        }
    }

    public static CsvFile of(InputStream in, String source) {
        return new CsvFile(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    public static CsvFile of(Reader in, String source) {
        return new CsvFile(in, source);
    }

    public String source() {
        return source;
    }

    public List<String> header() {
        return header;
    }

    /** Index of {@code name} in the header, ignoring case and surrounding blanks; -1 when absent. */
    public int column(String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) return i;
        }
        return -1;
    }

    /** Index of {@code name}, or a {@link BadInputException} on the header line. */
    public int requireColumn(String name) {
        int c = column(name);
        if (c < 0) {
            throw new BadInputException(source, 1, name, "missing column; the header has " + String.join(",", header));
        }
        return c;
    }

    /**
     * Moves to the next non-empty line. Returns false at the end of the file. A row with more or
     * fewer fields than the header is a {@link BadInputException} naming both counts.
     */
    public boolean next() {
        String l;
        do {
            l = readLine();
            if (l == null) return false;
        } while (l.isBlank());
        split(l);
        if (fields.size() != header.size()) throw fieldCount();
        return true;
    }

    private BadInputException fieldCount() {
        int n = fields.size();
        String problem = "the row has " + n + (n == 1 ? " field" : " fields") + " but the header has " + header.size();
        if (n < header.size()) {
            problem += " (no value for " + String.join(",", header.subList(n, header.size())) + ")";
        } else {
            problem += " (a comma inside a value needs quotes)";
        }
        return new BadInputException(source, line, null, problem);
    }

    /** Line number (1 = header) of the current row. */
    public long line() {
        return line;
    }

    public int size() {
        return fields.size();
    }

    /** Raw field at {@code col} of the current row, trimmed; empty for a column that is absent (-1). */
    public String raw(int col) {
        return col >= 0 && col < fields.size() ? fields.get(col).trim() : "";
    }

    /** Non-empty text of column {@code col} (named {@code name} in errors). */
    public String text(int col, String name) {
        String v = raw(col);
        if (v.isEmpty()) throw error(name, "value is missing");
        return v;
    }

    /** A finite number from column {@code col}. */
    public double number(int col, String name) {
        String v = text(col, name);
        try {
            double d = Double.parseDouble(v);
            if (Double.isNaN(d) || Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw error(name, "'" + v + "' is not a number");
        }
    }

    /** A finite number ≥ 0 from column {@code col}. */
    public double nonNegative(int col, String name) {
        double d = number(col, name);
        if (d < 0) throw error(name, "must not be negative, got " + raw(col));
        return d;
    }

    /** An integer ≥ 0 from column {@code col}. */
    public long count(int col, String name) {
        String v = text(col, name);
        try {
            long n = Long.parseLong(v);
            if (n < 0) throw error(name, "must not be negative, got " + v);
            return n;
        } catch (NumberFormatException e) {
            double d = number(col, name);
            if (d != Math.rint(d) || d < 0) throw error(name, "'" + v + "' is not a whole count >= 0");
            return (long) d;
        }
    }

    /** A {@link BadInputException} for the current line and {@code field}. */
    public BadInputException error(String field, String problem) {
        return new BadInputException(source, line, field, problem);
    }

    /** Quotes {@code value} for a CSV field when it holds a comma, quote or line break. */
    public static String escape(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private String readLine() {
        try {
            String l = in.readLine();
            if (l != null) line++;
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": " + e.getMessage(), e);
        }
    }

    private void split(String l) {
        split(l, fields, cell, source, line);
    }

    /**
     * The fields of one CSV line (RFC 4180 quoting, as the rows of a {@code CsvFile} are read); an
     * unterminated quoted field is a {@link BadInputException} at {@code source}, line {@code lineNo}.
     */
    public static List<String> fields(String l, String source, long lineNo) {
        List<String> out = new ArrayList<>();
        split(l, out, new StringBuilder(), source, lineNo);
        return out;
    }

    private static void split(String l, List<String> fields, StringBuilder cell, String source, long line) {
        fields.clear();
        cell.setLength(0);
        boolean quoted = false;
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            if (quoted) {
                if (c != '"') cell.append(c);
                else if (i + 1 < l.length() && l.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else quoted = false;
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) throw new BadInputException(source, line, null, "unterminated quoted field");
        fields.add(cell.toString());
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
