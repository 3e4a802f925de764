package gpufaas.workload.trace;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.csv.CsvFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a functions CSV: Ilúvatar's {@code func_name,cold_dur_ms,warm_dur_ms,mem_mb} (GPU cold
 * time, GPU warm time, GPU footprint) plus the optional columns
 * {@code gpu_warm_ms,gpu_cold_ms,gpu_mem_mb,cpu_warm_ms,cpu_cold_ms,weight,slo_ms,gpu_activity}. A non-empty
 * {@code gpu_*} value wins over its base column, so a file may carry either or both. Unknown
 * columns are ignored. Ids are 0..n-1 in file order.
 */
public final class FunctionsCsvReader {
    /** Base column → the optional column that overrides it. */
    private static final String[][] PAIRS = {
        {"warm_dur_ms", "gpu_warm_ms"}, {"cold_dur_ms", "gpu_cold_ms"}, {"mem_mb", "gpu_mem_mb"}
    };

    private FunctionsCsvReader() {}

    public static List<FunctionSpec> read(Path file) {
        try (CsvFile csv = CsvFile.open(file)) {
            return read(csv);
        }
    }

    public static List<FunctionSpec> read(InputStream in, String source) {
        try (CsvFile csv = CsvFile.of(in, source)) {
            return read(csv);
        }
    }

    /** Reads the remaining rows of {@code csv}. */
    public static List<FunctionSpec> read(CsvFile csv) {
        int name = csv.requireColumn("func_name");
        int[][] cols = new int[PAIRS.length][];
        for (int i = 0; i < PAIRS.length; i++) {
            cols[i] = new int[] {csv.column(PAIRS[i][0]), csv.column(PAIRS[i][1])};
            if (cols[i][0] < 0 && cols[i][1] < 0) csv.requireColumn(PAIRS[i][0]);
        }
        int cpuWarm = csv.column("cpu_warm_ms");
        int cpuCold = csv.column("cpu_cold_ms");
        int weight = csv.column("weight");
        int slo = csv.column("slo_ms");
        int activity = csv.column("gpu_activity");
        List<FunctionSpec> out = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        while (csv.next()) {
            String fn = csv.text(name, "func_name");
            Long first = seen.putIfAbsent(fn, csv.line());
            if (first != null)
                throw csv.error("func_name", "duplicate function name '" + fn + "' (first on line " + first + ")");
            double warm = paired(csv, cols[0], 0);
            double cold = paired(csv, cols[1], 1);
            double mem = paired(csv, cols[2], 2);
            double cw = optional(csv, cpuWarm, "cpu_warm_ms", Double.NaN);
            double cc = optional(csv, cpuCold, "cpu_cold_ms", Double.NaN);
            double w = optional(csv, weight, "weight", 1.0);
            if (!(w > 0)) throw csv.error("weight", "must be > 0, got " + csv.raw(weight));
            double s = optional(csv, slo, "slo_ms", Double.NaN);
            if (s == 0) throw csv.error("slo_ms", "must be > 0 (leave it empty for no SLO)");
            double a = optional(csv, activity, "gpu_activity", Double.NaN);
            if (!Double.isNaN(a) && !(a > 0 && a <= 1))
                throw csv.error("gpu_activity", "must be in (0, 1], got " + csv.raw(activity));
            out.add(new FunctionSpec(out.size(), fn, warm, cold, mem, cw, cc, w, s, a));
        }
        if (out.isEmpty()) throw new BadInputException(csv.source(), csv.line(), null, "no functions in the file");
        return List.copyOf(out);
    }

    private static double paired(CsvFile csv, int[] cols, int pair) {
        if (cols[1] >= 0 && !csv.raw(cols[1]).isEmpty()) return csv.nonNegative(cols[1], PAIRS[pair][1]);
        if (cols[0] < 0)
            throw csv.error(PAIRS[pair][1], "value is missing (and there is no " + PAIRS[pair][0] + " column)");
        return csv.nonNegative(cols[0], PAIRS[pair][0]);
    }

    private static double optional(CsvFile csv, int col, String field, double dflt) {
        if (col < 0 || csv.raw(col).isEmpty()) return dflt;
        return csv.nonNegative(col, field);
    }
}
