package gpufaas.workload.calibration;

import gpufaas.workload.csv.CsvFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The measured mean end-to-end latency and mean GPU utilization (NVML's, over the run) of
 * MQFQ-Sticky, FCFS and Batch on five of the dissertation's traces, D = 2, one V100
 * ({@code gpufaas/calibration/published-results.csv}), and the dissertation's other tables that
 * the calibration folder transcribes.
 */
public final class PublishedResults {
    private static final String FILE = "/gpufaas/calibration/published-results.csv";

    /** One trace's published row: latency in seconds, utilization in percent. */
    public record Row(
            String trace,
            int invocations,
            double reqPerS,
            int functions,
            double mqfqMeanS,
            double mqfqUtilPct,
            double fcfsMeanS,
            double fcfsUtilPct,
            double batchMeanS,
            double batchUtilPct) {
        /** The published mean latency (s) of {@code policy} (mqfq-sticky, fcfs or batch). */
        public double meanS(String policy) {
            return switch (policy) {
                case "mqfq-sticky" -> mqfqMeanS;
                case "fcfs" -> fcfsMeanS;
                case "batch" -> batchMeanS;
                default -> throw new IllegalArgumentException("no published latency for " + policy);
            };
        }

        /** The published GPU utilization (%) of {@code policy}. */
        public double utilPct(String policy) {
            return switch (policy) {
                case "mqfq-sticky" -> mqfqUtilPct;
                case "fcfs" -> fcfsUtilPct;
                case "batch" -> batchUtilPct;
                default -> throw new IllegalArgumentException("no published utilization for " + policy);
            };
        }
    }

    /** Mean latency (s) of trace 25.7095 by D (1, 2, 3) for FCFS, Batch and MQFQ-Sticky. */
    public static final double[][] D_TABLE = {{51.8, 26.8, 11.8}, {34.7, 12.0, 8.9}, {70.9, 18.7, 15.3}};
    /** The policies of {@link #D_TABLE}'s columns. */
    public static final List<String> D_TABLE_POLICIES = List.of("fcfs", "batch", "mqfq-sticky");
    /** Variance of per-function mean latency (s²) on trace 25.7095, D = 2, for FCFS, Batch and MQFQ-Sticky. */
    public static final double[] D2_FN_VARIANCE = {752, 665, 261};

    /** D values of the utilization-cap table (trace 25.7, MQFQ-Sticky; read from a figure, ±5 %). */
    public static final int[] CAP_D = {2, 3, 4, 6};
    /** Caps of {@link #CAP_LATENCY_S}'s rows: 0 is a fixed D (no cap). */
    public static final int[] CAPS = {0, 95, 80, 50};
    /** Mean latency (s) by cap (rows as {@link #CAPS}) and D (columns as {@link #CAP_D}). */
    public static final double[][] CAP_LATENCY_S = {
        {4.1, 5.25, 5.1, 7.9}, {4.15, 5.35, 5.8, 6.45}, {3.7, 5.5, 6.85, 7.25}, {3.95, 7.3, 7.3, 7.8}
    };
    /** Normalized execution time (execution ÷ isolated execution) by cap and D; cap 50 % read as "about 1.25 flat". */
    public static final double[][] CAP_NORMALIZED_EXEC = {
        {1.28, 1.58, 1.95, 3.0}, {1.28, 1.53, 1.81, 2.23}, {1.26, 1.50, 1.77, 1.76}, {1.25, 1.25, 1.25, 1.25}
    };
    /** Mean latency (s) and normalized execution time with no concurrency (D = 1) on trace 25.7. */
    public static final double NO_CONCURRENCY_LATENCY_S = 5.3;

    public static final double NO_CONCURRENCY_NORMALIZED_EXEC = 1.08;
    /** Hybrid CPU + GPU on a high-intensity trace: mean latency (s) of CPU only, one GPU, two GPUs, CPU + GPU. */
    public static final double[] HYBRID_S = {2.03, 3.43, 1.09, 1.00};
    /** The configurations of {@link #HYBRID_S}. */
    public static final List<String> HYBRID_SETUPS =
            List.of("cpu only", "one gpu", "two gpus", "cpu + gpu (speed-up <= 3 on cpu)");

    private PublishedResults() {}

    /** The five traces with published latency and utilization, in the file's order. */
    public static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        try (InputStream in = PublishedResults.class.getResourceAsStream(FILE)) {
            if (in == null) throw new IllegalStateException("missing resource " + FILE);
            try (CsvFile csv = CsvFile.of(in, FILE)) {
                int[] c = {
                    csv.requireColumn("trace"),
                    csv.requireColumn("invocations"),
                    csv.requireColumn("req_per_s"),
                    csv.requireColumn("functions"),
                    csv.requireColumn("mqfq_sticky_mean_s"),
                    csv.requireColumn("mqfq_sticky_gpu_util_pct"),
                    csv.requireColumn("fcfs_mean_s"),
                    csv.requireColumn("fcfs_gpu_util_pct"),
                    csv.requireColumn("batch_mean_s"),
                    csv.requireColumn("batch_gpu_util_pct")
                };
                while (csv.next()) {
                    out.add(new Row(
                            csv.text(c[0], "trace"),
                            (int) csv.count(c[1], "invocations"),
                            csv.nonNegative(c[2], "req_per_s"),
                            (int) csv.count(c[3], "functions"),
                            csv.nonNegative(c[4], "mqfq_sticky_mean_s"),
                            csv.nonNegative(c[5], "mqfq_sticky_gpu_util_pct"),
                            csv.nonNegative(c[6], "fcfs_mean_s"),
                            csv.nonNegative(c[7], "fcfs_gpu_util_pct"),
                            csv.nonNegative(c[8], "batch_mean_s"),
                            csv.nonNegative(c[9], "batch_gpu_util_pct")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
