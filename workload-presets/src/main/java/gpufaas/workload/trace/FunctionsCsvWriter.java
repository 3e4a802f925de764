package gpufaas.workload.trace;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.csv.CsvFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes functions in the format {@link FunctionsCsvReader} reads: Ilúvatar's four columns first
 * (GPU times and footprint), then {@code cpu_warm_ms,cpu_cold_ms,weight,slo_ms}; an absent CPU
 * time or SLO is an empty field.
 */
public final class FunctionsCsvWriter {
    public static final String HEADER =
            "func_name,cold_dur_ms,warm_dur_ms,mem_mb,cpu_warm_ms,cpu_cold_ms,weight,slo_ms,gpu_activity";

    private FunctionsCsvWriter() {}

    public static void write(List<FunctionSpec> functions, Path file) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(functions, w);
        } catch (IOException e) {
            throw BadInputException.of(file.toString(), "cannot write functions: " + e.getMessage());
        }
    }

    public static void write(List<FunctionSpec> functions, Writer out) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (FunctionSpec f : functions) {
            b.append(CsvFile.escape(f.name()))
                    .append(',')
                    .append(number(f.gpuColdMs()))
                    .append(',')
                    .append(number(f.gpuWarmMs()))
                    .append(',')
                    .append(number(f.gpuMemMb()))
                    .append(',')
                    .append(number(f.cpuWarmMs()))
                    .append(',')
                    .append(number(f.cpuColdMs()))
                    .append(',')
                    .append(number(f.weight()))
                    .append(',')
                    .append(number(f.sloMs()))
                    .append(',')
                    .append(number(f.gpuActivity()))
                    .append('\n');
        }
        try {
            out.write(b.toString());
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shortest text that parses back to {@code v}; empty for NaN; no ".0" on whole numbers. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
