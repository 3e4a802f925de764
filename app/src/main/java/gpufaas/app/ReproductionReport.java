package gpufaas.app;

import gpufaas.app.Reproduction.CaseResult;
import gpufaas.workload.calibration.PublishedResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reproduction's findings: every published number beside the simulator's, with the ratio and
 * a verdict against the calibration targets (docs/model.md, "Calibration"), the orderings kept or
 * broken, the geometric-mean error of each table, and the curves that have no published values.
 * Written as {@code report.md} and {@code report.csv}.
 */
final class ReproductionReport {

    /** How a simulated value is judged against its published one. */
    enum Target {
        /** latency within a factor of 1.5 */
        FACTOR_1_5("within ×1.5"),
        /** a ratio of latencies within ±35 % */
        RATIO_35("within ±35 %"),
        /** utilization within 15 points */
        POINTS_15("within 15 points"),
        /** a ratio within 10 % of the published ratio */
        RATIO_10("within ±10 %"),
        /** shown for comparison; no target */
        NONE("");

        final String label;

        Target(String label) {
            this.label = label;
        }

        boolean met(double published, double simulated) {
            return switch (this) {
                case FACTOR_1_5 -> simulated / published <= 1.5 && published / simulated <= 1.5;
                case RATIO_35 -> Math.abs(simulated / published - 1) <= 0.35;
                case POINTS_15 -> Math.abs(simulated - published) <= 15;
                case RATIO_10 -> Math.abs(simulated / published - 1) <= 0.10;
                case NONE -> true;
            };
        }
    }

    /** One published number and the simulator's. */
    record Row(
            String table, String row, String column, double published, double simulated, Target target, String unit) {
        double ratio() {
            return simulated / published;
        }

        boolean judged() {
            return target != Target.NONE && !Double.isNaN(published);
        }

        boolean met() {
            return !judged() || target.met(published, simulated);
        }

        String verdict() {
            if (Double.isNaN(published)) return "not published";
            if (!judged()) return "";
            return met() ? "ok" : "MISS";
        }
    }

    /** A check of a shape or order, with what it found. */
    record Check(String table, String what, boolean ok, String detail) {}

    final List<Row> rows = new ArrayList<>();
    final List<Check> checks = new ArrayList<>();
    /** curve name -> (x -> [mean latency s, cold %]) */
    final Map<String, Map<String, double[]>> curves = new LinkedHashMap<>();

    private final Map<String, CaseResult> r;
    private final ReproductionPlan plan;

    ReproductionReport(ReproductionPlan plan, Map<String, CaseResult> results) {
        this.plan = plan;
        this.r = results;
        calibration();
        dTable();
        capTable();
        hybrid();
        curves();
    }

    private CaseResult get(String key) {
        CaseResult c = r.get(key);
        if (c == null) throw new IllegalStateException("no result for " + key);
        return c;
    }

    static final String CALIBRATION = "calibration";
    static final String D_TABLE = "d-table";
    static final String CAP = "utilization-cap";
    static final String HYBRID = "hybrid";

    private void calibration() {
        for (PublishedResults.Row p : PublishedResults.rows()) {
            String t = p.trace();
            CaseResult m = get(ReproductionPlan.calibrationKey(t, "mqfq-sticky"));
            CaseResult f = get(ReproductionPlan.calibrationKey(t, "fcfs"));
            CaseResult b = get(ReproductionPlan.calibrationKey(t, "batch"));
            rows.addAll(calibrationRows(p, Map.of("mqfq-sticky", m, "fcfs", f, "batch", b)));
            ordering(
                    t,
                    ReproductionPlan.POLICIES,
                    new double[] {p.mqfqMeanS(), p.fcfsMeanS(), p.batchMeanS()},
                    new double[] {m.meanS(), f.meanS(), b.meanS()});
        }
    }

    /**
     * The calibration rows of one published trace for the policies in {@code byPolicy} (any of
     * mqfq-sticky, fcfs and batch): each one's mean latency and GPU utilization beside the published,
     * and the published ratios of fcfs and batch to mqfq-sticky where both ran. The report has all
     * three; the window's Compare tab shows the rows of the policies it ran.
     */
    static List<Row> calibrationRows(PublishedResults.Row p, Map<String, CaseResult> byPolicy) {
        String t = p.trace();
        List<Row> out = new ArrayList<>();
        CaseResult m = byPolicy.get("mqfq-sticky");
        CaseResult f = byPolicy.get("fcfs");
        CaseResult b = byPolicy.get("batch");
        if (m != null)
            out.add(new Row(
                    CALIBRATION, t, "mqfq-sticky mean latency", p.mqfqMeanS(), m.meanS(), Target.FACTOR_1_5, "s"));
        if (f != null)
            out.add(new Row(CALIBRATION, t, "fcfs mean latency", p.fcfsMeanS(), f.meanS(), Target.NONE, "s"));
        if (b != null)
            out.add(new Row(CALIBRATION, t, "batch mean latency", p.batchMeanS(), b.meanS(), Target.NONE, "s"));
        if (f != null && m != null) {
            out.add(new Row(
                    CALIBRATION,
                    t,
                    "fcfs / mqfq-sticky",
                    p.fcfsMeanS() / p.mqfqMeanS(),
                    f.ratioTo(m),
                    Target.RATIO_35,
                    "x"));
        }
        if (b != null && m != null) {
            out.add(new Row(
                    CALIBRATION,
                    t,
                    "batch / mqfq-sticky",
                    p.batchMeanS() / p.mqfqMeanS(),
                    b.ratioTo(m),
                    Target.RATIO_35,
                    "x"));
        }
        if (m != null)
            out.add(new Row(
                    CALIBRATION,
                    t,
                    "mqfq-sticky gpu utilization",
                    p.mqfqUtilPct(),
                    m.utilPct(),
                    Target.POINTS_15,
                    "%"));
        if (f != null)
            out.add(new Row(CALIBRATION, t, "fcfs gpu utilization", p.fcfsUtilPct(), f.utilPct(), Target.NONE, "%"));
        if (b != null)
            out.add(new Row(CALIBRATION, t, "batch gpu utilization", p.batchUtilPct(), b.utilPct(), Target.NONE, "%"));
        return out;
    }

    /** For every pair whose published latencies differ by more than 10 %, the simulated pair must keep the order. */
    private void ordering(String trace, List<String> names, double[] pub, double[] sim) {
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double hi = Math.max(pub[i], pub[j]);
                double lo = Math.min(pub[i], pub[j]);
                if (hi / lo <= 1.10) continue;
                int fast = pub[i] < pub[j] ? i : j;
                int slow = fast == i ? j : i;
                boolean kept = sim[fast] < sim[slow];
                checks.add(new Check(
                        CALIBRATION,
                        "trace " + trace + ": " + names.get(fast) + " faster than " + names.get(slow),
                        kept,
                        String.format(
                                Locale.ROOT,
                                "published %.2f s < %.2f s; simulated %.2f s %s %.2f s",
                                pub[fast],
                                pub[slow],
                                sim[fast],
                                kept ? "<" : ">=",
                                sim[slow])));
            }
        }
    }

    private void dTable() {
        List<String> ps = PublishedResults.D_TABLE_POLICIES;
        double[][] sim = new double[3][ps.size()];
        for (int d = 1; d <= 3; d++) {
            for (int k = 0; k < ps.size(); k++) {
                CaseResult c = get(ReproductionPlan.dKey(d, ps.get(k)));
                sim[d - 1][k] = c.meanS();
                rows.add(new Row(
                        D_TABLE,
                        "D = " + d,
                        ps.get(k) + " mean latency",
                        PublishedResults.D_TABLE[d - 1][k],
                        c.meanS(),
                        Target.NONE,
                        "s"));
            }
        }
        for (int k = 0; k < ps.size(); k++) {
            CaseResult c = get(ReproductionPlan.dKey(2, ps.get(k)));
            rows.add(new Row(
                    D_TABLE,
                    "D = 2",
                    ps.get(k) + " variance of per-function mean latency",
                    PublishedResults.D2_FN_VARIANCE[k],
                    c.fnVarianceS2(),
                    Target.NONE,
                    "s²"));
            boolean best = sim[1][k] < sim[0][k] && sim[1][k] < sim[2][k];
            checks.add(new Check(
                    D_TABLE,
                    ps.get(k) + ": D = 2 best of D = 1, 2, 3",
                    best,
                    String.format(
                            Locale.ROOT,
                            "simulated %.2f / %.2f / %.2f s (published %.1f / %.1f / %.1f s)",
                            sim[0][k],
                            sim[1][k],
                            sim[2][k],
                            PublishedResults.D_TABLE[0][k],
                            PublishedResults.D_TABLE[1][k],
                            PublishedResults.D_TABLE[2][k])));
            boolean worse = sim[2][k] > sim[1][k];
            checks.add(new Check(
                    D_TABLE,
                    ps.get(k) + ": D = 3 worse than D = 2",
                    worse,
                    String.format(Locale.ROOT, "simulated %.2f s against %.2f s", sim[2][k], sim[1][k])));
        }
    }

    private void capTable() {
        int[] caps = PublishedResults.CAPS;
        int[] ds = PublishedResults.CAP_D;
        for (int ci = 0; ci < caps.length; ci++) {
            String row = caps[ci] == 0 ? "fixed D" : "cap " + caps[ci] + " %";
            for (int di = 0; di < ds.length; di++) {
                CaseResult c = get(ReproductionPlan.capKey(caps[ci], ds[di]));
                rows.add(new Row(
                        CAP,
                        row,
                        "D = " + ds[di] + " mean latency",
                        PublishedResults.CAP_LATENCY_S[ci][di],
                        c.meanS(),
                        Target.NONE,
                        "s"));
                rows.add(new Row(
                        CAP,
                        row,
                        "D = " + ds[di] + " normalized execution",
                        PublishedResults.CAP_NORMALIZED_EXEC[ci][di],
                        c.normalizedExec(),
                        Target.NONE,
                        "x"));
            }
        }
        CaseResult one = get(ReproductionPlan.noConcurrencyKey());
        rows.add(new Row(
                CAP,
                "no concurrency",
                "D = 1 mean latency",
                PublishedResults.NO_CONCURRENCY_LATENCY_S,
                one.meanS(),
                Target.NONE,
                "s"));
        rows.add(new Row(
                CAP,
                "no concurrency",
                "D = 1 normalized execution",
                PublishedResults.NO_CONCURRENCY_NORMALIZED_EXEC,
                one.normalizedExec(),
                Target.NONE,
                "x"));
        CaseResult capped = get(ReproductionPlan.capKey(95, 2));
        CaseResult fixed = get(ReproductionPlan.capKey(0, 2));
        rows.add(new Row(
                CAP,
                "cap 95 % / fixed D",
                "D = 2 mean latency",
                PublishedResults.CAP_LATENCY_S[1][0] / PublishedResults.CAP_LATENCY_S[0][0],
                capped.ratioTo(fixed),
                Target.RATIO_10,
                "x"));
    }

    private void hybrid() {
        for (int i = 0; i < PublishedResults.HYBRID_S.length; i++) {
            CaseResult c = get(ReproductionPlan.hybridKey(i));
            rows.add(new Row(
                    HYBRID,
                    PublishedResults.HYBRID_SETUPS.get(i),
                    "mean latency",
                    PublishedResults.HYBRID_S[i],
                    c.meanS(),
                    Target.NONE,
                    "s"));
        }
    }

    private void curves() {
        curve("T", plan.tValues());
        curve("ttl", plan.ttlValues());
        curve("pool", plan.poolValues());
    }

    private void curve(String name, List<String> xs) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String x : xs) {
            CaseResult c = get(ReproductionPlan.curveKey(name, x));
            m.put(x, new double[] {c.meanS(), c.coldPct(), c.utilPct()});
        }
        curves.put(name, m);
    }

    // ------------------------------------------------------------------ summaries

    List<Row> judged() {
        return rows.stream().filter(Row::judged).toList();
    }

    long met() {
        return judged().stream().filter(Row::met).count()
                + checks.stream().filter(Check::ok).count();
    }

    long targets() {
        return (long) judged().size() + checks.size();
    }

    /** exp(mean |ln(simulated / published)|) over a table's published latencies. */
    double geoMeanError(String table) {
        double s = 0;
        int n = 0;
        for (Row row : rows) {
            if (!row.table().equals(table) || !"s".equals(row.unit()) || Double.isNaN(row.published())) continue;
            s += Math.abs(Math.log(row.simulated() / row.published()));
            n++;
        }
        return n == 0 ? Double.NaN : Math.exp(s / n);
    }
}
