package gpufaas.workload.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import gpufaas.engine.metrics.RunSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@code sweep.csv} from the points' folders: one row per point in point order, with the
 * columns {@code point} (number from 0), {@code folder} (the point's folder name), one column per
 * axis (its dotted path, e.g. {@code policy}, {@code params.D}; the point's value as written in the
 * experiment), then the fields of each point's {@code summary.json} in its order, without
 * {@code functions}, without the host-dependent {@code wall_ms} and {@code events_per_s}, and without a field named like an
 * axis (a {@code policy} axis replaces the summary's {@code policy}), so the file depends only on
 * the inputs and the seed. Fields a policy adds to its summary (e.g. cost-aware's
 * {@code over_budget}) come after the standard ones, before {@code complete}, in the order the
 * points first have them; a point without one leaves it empty. Values
 * are copied as written in summary.json (null and an absent slo_attainment are empty fields).
 */
public final class SweepCsvWriter {
    private static final ObjectMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private SweepCsvWriter() {}

    /** One point: its number, folder name, the value of each axis (as text) and its result folder. */
    public record Point(int index, String folder, List<String> axisValues, Path dir) {
        public Point {
            axisValues = List.copyOf(axisValues);
        }
    }

    /** The summary columns, in summary.json's order, less the two that measure the host (wall_ms, events_per_s). */
    public static List<String> summaryColumns() {
        List<String> cols = new ArrayList<>();
        for (String n : RunSummary.standardNames()) {
            if (!n.equals("wall_ms") && !n.equals("events_per_s")) cols.add(n);
        }
        cols.add("complete");
        cols.add("incomplete_reason");
        return cols;
    }

    public static String toCsv(List<String> axes, List<Point> points) {
        List<JsonNode> summaries = new ArrayList<>(points.size());
        for (Point p : points) summaries.add(read(p.dir().resolve("summary.json")));
        List<String> cols = new ArrayList<>(summaryColumns());
        cols.addAll(cols.indexOf("complete"), policyFields(summaries));
        cols.removeAll(axes); // an axis named like a summary field (policy) is shown once, as the axis
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("point", "folder"));
        header.addAll(axes);
        header.addAll(cols);
        for (int i = 0; i < header.size(); i++) b.append(i == 0 ? "" : ",").append(Csv.quote(header.get(i)));
        b.append('\n');
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (p.axisValues().size() != axes.size())
                throw new IllegalArgumentException("point " + p.index() + ": axis values do not match the axes");
            JsonNode s = summaries.get(i);
            b.append(p.index()).append(',').append(Csv.quote(p.folder()));
            for (String v : p.axisValues()) b.append(',').append(Csv.quote(v));
            for (String c : cols) b.append(',').append(text(s.get(c)));
            b.append('\n');
        }
        return b.toString();
    }

    public static void write(List<String> axes, List<Point> points, Path file) {
        try {
            Files.writeString(file, toCsv(axes, points), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The fields of the summaries that are neither standard nor functions, in the order they first appear. */
    private static List<String> policyFields(List<JsonNode> summaries) {
        List<String> standard = new ArrayList<>(RunSummary.standardNames());
        standard.addAll(List.of("complete", "incomplete_reason", "functions"));
        List<String> out = new ArrayList<>();
        for (JsonNode s : summaries) {
            for (var it = s.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!standard.contains(f) && !out.contains(f)) out.add(f);
            }
        }
        return out;
    }

    private static JsonNode read(Path file) {
        try {
            return READER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode v) {
        if (v == null || v.isNull()) return "";
        if (v.isBigDecimal()) return v.decimalValue().toPlainString();
        if (v.isTextual()) return Csv.quote(v.asText());
        return v.asText();
    }
}
