package gpufaas.workload.io;

import gpufaas.engine.metrics.FunctionSummary;
import gpufaas.engine.metrics.RunSummary;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code summary.csv}: one row per function that had arrivals (in function order), then the
 * row {@code ALL}. The columns are the components of {@link FunctionSummary} in snake_case:
 * <pre>
 * function,invocations,completed,rejected,dropped,failed,mean_e2e_ms,p50_e2e_ms,p99_e2e_ms,
 * mean_queue_ms,mean_exec_ms,cold_starts,gpu_cold_starts,warm_starts,cpu_starts,cold_pct,
 * isolated_ms,slowdown,slo_attainment
 * </pre>
 * Latencies in milliseconds, {@code cold_pct} in percent of completed, {@code slo_attainment} as a
 * share 0..1. Doubles have 6 significant digits ({@link Num}); NaN (nothing completed, no SLO,
 * isolated time and slowdown of {@code ALL}) is an empty field. Function names are CSV-quoted
 * where needed.
 */
public final class SummaryCsvWriter {
    private static final RecordFields FIELDS = new RecordFields(FunctionSummary.class);

    private SummaryCsvWriter() {}

    /** The header line, without its line feed. */
    public static String header() {
        return String.join(",", FIELDS.names());
    }

    /** The whole file as text. */
    public static String toCsv(List<FunctionSummary> rows) {
        StringBuilder b = new StringBuilder(256 + rows.size() * 128);
        b.append(header()).append('\n');
        for (FunctionSummary r : rows) {
            for (int i = 0; i < FIELDS.size(); i++) {
                if (i > 0) b.append(',');
                b.append(format(FIELDS.value(r, i)));
            }
            b.append('\n');
        }
        return b.toString();
    }

    public static void write(RunSummary summary, Path file) {
        write(summary.functions(), file);
    }

    public static void write(List<FunctionSummary> rows, Path file) {
        try {
            Files.writeString(file, toCsv(rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static void write(List<FunctionSummary> rows, OutputStream out) throws IOException {
        out.write(toCsv(rows).getBytes(StandardCharsets.UTF_8));
    }

    /** One value as a CSV field: doubles by {@link Num#csv(double)}, text quoted where needed. */
    static String format(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return Num.csv(d);
        if (v instanceof Float f) return Num.csv(f);
        if (v instanceof String s) return Csv.quote(s);
        return String.valueOf(v);
    }
}
