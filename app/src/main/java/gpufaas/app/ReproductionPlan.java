package gpufaas.app;

import gpufaas.workload.calibration.PublishedResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code reproduce} runs: the dissertation's published experiments (the five calibration
 * traces under MQFQ-Sticky, FCFS and Batch; the D table of trace 25.7095; the utilization cap
 * against a fixed D on trace 25.7; CPU and GPU placement on trace 25.7), and curves whose
 * published values are not in the calibration data (T, TTL, pool size, one GPU against two).
 * {@code quick} keeps every published experiment and thins the curves.
 */
record ReproductionPlan(boolean quick) {
    /** The three policies of the published comparisons. */
    static final List<String> POLICIES = List.of("mqfq-sticky", "fcfs", "batch");
    /** Trace of the D table. */
    static final String D_TRACE = "25.7095";
    /** Trace of the utilization-cap figure and of the curves without published values. */
    static final String CAP_TRACE = "25.7";
    /** Cores of the published host (a 48-core Xeon) for the CPU placements. */
    static final int HOST_CORES = 48;

    static String calibrationKey(String trace, String policy) {
        return "cal/" + trace + "/" + policy;
    }

    static String dKey(int d, String policy) {
        return "d/" + d + "/" + policy;
    }

    /** cap 0 is a fixed D. */
    static String capKey(int cap, int d) {
        return "cap/" + cap + "/" + d;
    }

    static String noConcurrencyKey() {
        return "cap/none/1";
    }

    static String hybridKey(int setup) {
        return "hybrid/" + setup;
    }

    static String curveKey(String curve, String x) {
        return "curve/" + curve + "/" + x;
    }

    /** T values of the overrun curve (virtual seconds). */
    List<String> tValues() {
        return quick ? List.of("0", "5", "10") : List.of("0", "1", "2", "5", "10");
    }

    /** TTL values (multiples of each function's mean inter-arrival time). */
    List<String> ttlValues() {
        return quick ? List.of("0", "1.5", "4") : List.of("0", "0.5", "1", "1.5", "2", "4");
    }

    /** Container pool sizes. */
    List<String> poolValues() {
        return quick ? List.of("4", "16", "32") : List.of("4", "8", "16", "24", "32");
    }

    List<Reproduction.Case> cases() {
        List<Reproduction.Case> out = new ArrayList<>();
        for (PublishedResults.Row r : PublishedResults.rows()) {
            for (String p : POLICIES) out.add(Reproduction.Case.of(calibrationKey(r.trace(), p), r.trace(), p));
        }
        for (int d = 1; d <= 3; d++) {
            for (String p : POLICIES) out.add(Reproduction.Case.of(dKey(d, p), D_TRACE, p, "D", d));
        }
        for (int cap : PublishedResults.CAPS) {
            for (int d : PublishedResults.CAP_D)
                out.add(Reproduction.Case.of(capKey(cap, d), CAP_TRACE, "mqfq-sticky", "D", d, "util", cap));
        }
        out.add(Reproduction.Case.of(noConcurrencyKey(), CAP_TRACE, "mqfq-sticky", "D", 1));
        out.add(Reproduction.Case.of(hybridKey(0), CAP_TRACE, "mqfq-sticky").on(0, HOST_CORES, "cpu-only"));
        out.add(Reproduction.Case.of(hybridKey(1), CAP_TRACE, "mqfq-sticky"));
        out.add(Reproduction.Case.of(hybridKey(2), CAP_TRACE, "mqfq-sticky").on(2, 0, null));
        out.add(Reproduction.Case.of(hybridKey(3), CAP_TRACE, "mqfq-sticky", "speedup_threshold", 3)
                .on(1, HOST_CORES, "speedup"));
        for (String t : tValues()) out.add(Reproduction.Case.of(curveKey("T", t), D_TRACE, "mqfq-sticky", "T", t));
        for (String a : ttlValues()) {
            out.add(Reproduction.Case.of(curveKey("ttl", a), D_TRACE, "mqfq-sticky", "ttl", ttl(a)));
        }
        for (String p : poolValues())
            out.add(Reproduction.Case.of(curveKey("pool", p), D_TRACE, "mqfq-sticky", "pool", p));
        return out;
    }

    /** A TTL of {@code multiple} × IAT as the parameter writes it (0 turns the keep-alive off). */
    static String ttl(String multiple) {
        return Double.parseDouble(multiple) == 0 ? "0" : String.format(Locale.ROOT, "%sxIAT", multiple);
    }
}
