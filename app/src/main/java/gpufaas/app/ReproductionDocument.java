package gpufaas.app;

import gpufaas.app.ReproductionReport.Check;
import gpufaas.app.ReproductionReport.Row;
import gpufaas.workload.calibration.DissertationTraces;
import gpufaas.workload.io.Csv;
import gpufaas.workload.io.Num;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code report.md} and {@code report.csv} of a reproduction. */
final class ReproductionDocument {
    private ReproductionDocument() {}

    /** One line per published number (and per curve point, without one). */
    static String csv(ReproductionReport rep) {
        StringBuilder b = new StringBuilder("table,row,column,unit,published,simulated,ratio,target,verdict\n");
        for (Row r : rep.rows) {
            b.append(String.join(
                            ",",
                            r.table(),
                            Csv.quote(r.row()),
                            Csv.quote(r.column()),
                            r.unit(),
                            Num.csv(r.published()),
                            Num.csv(r.simulated()),
                            Double.isNaN(r.published()) ? "" : Num.csv(r.ratio()),
                            Csv.quote(r.target().label),
                            Csv.quote(r.verdict())))
                    .append('\n');
        }
        for (Check c : rep.checks) {
            b.append(String.join(
                            ",",
                            c.table(),
                            Csv.quote(c.what()),
                            "check",
                            "",
                            "",
                            "",
                            "",
                            "kept",
                            c.ok() ? "ok" : "MISS"))
                    .append('\n');
        }
        for (Map.Entry<String, Map<String, double[]>> e : rep.curves.entrySet()) {
            for (Map.Entry<String, double[]> p : e.getValue().entrySet()) {
                b.append(String.join(
                                ",",
                                "curve-" + e.getKey(),
                                e.getKey() + "=" + p.getKey(),
                                "mean latency",
                                "s",
                                "",
                                Num.csv(p.getValue()[0]),
                                "",
                                "",
                                "not published"))
                        .append('\n');
                b.append(String.join(
                                ",",
                                "curve-" + e.getKey(),
                                e.getKey() + "=" + p.getKey(),
                                "cold starts",
                                "%",
                                "",
                                Num.csv(p.getValue()[1]),
                                "",
                                "",
                                "not published"))
                        .append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The report: how it was made, the headline (targets met, each miss with its likely cause), then
     * every table with published and simulated values side by side, the checks, the curves and the charts.
     */
    static String markdown(
            ReproductionReport rep,
            int seeds,
            boolean quick,
            List<String> command,
            String version,
            List<String> charts) {
        StringBuilder b = new StringBuilder();
        b.append("# The dissertation's experiments on the simulator\n\n");
        b.append("Made by `")
                .append(String.join(" ", command))
                .append("` (workbench ")
                .append(version)
                .append("), ")
                .append(seeds)
                .append(seeds == 1 ? " seed" : " seeds")
                .append(" per configuration")
                .append(quick ? " (quick mode: fewer seeds and curve points)" : "")
                .append(". Published values: the MQFQ-Sticky dissertation, one V100 (`gpufaas/calibration/`). ")
                .append("Arrival times of the published runs are not published: each trace is rebuilt from its exact ")
                .append(
                        "per-function counts with Azure-like bursts (`diss-TRACE` presets); latencies are geometric means over ")
                .append(
                        "seeds, ratios geometric means of per-seed ratios. The model and its sources: `docs/model.md`.\n\n");
        b.append("## Headline\n\n");
        b.append(String.format(
                Locale.ROOT,
                "**%d of %d targets met.** Geometric-mean error of the published latencies: "
                        + "calibration table ×%.2f, D table ×%.2f, utilization-cap figure ×%.2f, CPU+GPU table ×%.2f.%n%n",
                rep.met(),
                rep.targets(),
                rep.geoMeanError(ReproductionReport.CALIBRATION),
                rep.geoMeanError(ReproductionReport.D_TABLE),
                rep.geoMeanError(ReproductionReport.CAP),
                rep.geoMeanError(ReproductionReport.HYBRID)));
        List<Row> missed = rep.judged().stream().filter(r -> !r.met()).toList();
        List<Check> broken = rep.checks.stream().filter(c -> !c.ok()).toList();
        if (missed.isEmpty() && broken.isEmpty()) {
            b.append("Every target is met.\n\n");
        } else {
            b.append("Misses, each with its likely cause:\n\n");
            for (Row r : missed) {
                b.append(String.format(
                        Locale.ROOT,
                        "- %s, trace %s, %s: published %s, simulated %s (target: %s). %s%n",
                        r.table(),
                        r.row(),
                        r.column(),
                        fmt(r.published(), r.unit()),
                        fmt(r.simulated(), r.unit()),
                        r.target().label,
                        cause(r)));
            }
            for (Check c : broken)
                b.append("- ")
                        .append(c.table())
                        .append(": ")
                        .append(c.what())
                        .append(": not kept (")
                        .append(c.detail())
                        .append("). ")
                        .append(cause(c))
                        .append('\n');
            b.append('\n');
        }
        table(b, rep, ReproductionReport.CALIBRATION, "Five calibration traces, D = 2 (latency s, utilization %)");
        checks(
                b,
                rep,
                ReproductionReport.CALIBRATION,
                "Orderings (every pair whose published latencies differ by more than 10 %)");
        table(b, rep, ReproductionReport.D_TABLE, "Trace " + ReproductionPlan.D_TRACE + ": mean latency by D");
        checks(b, rep, ReproductionReport.D_TABLE, "Shape of the D table");
        table(
                b,
                rep,
                ReproductionReport.CAP,
                "Trace " + ReproductionPlan.CAP_TRACE
                        + ", MQFQ-Sticky: utilization cap against a fixed D (published values read from a figure, ±5 %)");
        b.append(
                        "Normalized execution time: Σ execution ÷ Σ isolated execution over the completed invocations that were not ")
                .append("cold starts (execution includes waiting for memory).\n\n");
        table(
                b,
                rep,
                ReproductionReport.HYBRID,
                "CPU and GPU placement on trace " + ReproductionPlan.CAP_TRACE
                        + " (the published \"high-intensity trace\" is not named; its one-GPU latency, 3.43 s, is trace 25.7's)");
        b.append("## Curves without published values\n\n");
        b.append(
                        "The dissertation reports these as figures whose values are not in the calibration data: the simulator's ")
                .append("curves are printed for comparison by eye, on trace ")
                .append(ReproductionPlan.D_TRACE)
                .append(" under MQFQ-Sticky. Two GPUs against one on trace ")
                .append(ReproductionPlan.CAP_TRACE)
                .append(" are in the CPU and GPU table above.\n\n");
        for (Map.Entry<String, Map<String, double[]>> e : rep.curves.entrySet()) {
            b.append("| ")
                    .append(curveLabel(e.getKey()))
                    .append(" | mean latency (s) | cold starts (%) | GPU utilization (%) |\n|---|---|---|---|\n");
            for (Map.Entry<String, double[]> p : e.getValue().entrySet()) {
                b.append(String.format(
                        Locale.ROOT,
                        "| %s | %.2f | %.1f | %.1f |%n",
                        p.getKey(),
                        p.getValue()[0],
                        p.getValue()[1],
                        p.getValue()[2]));
            }
            b.append('\n');
        }
        b.append("## Charts\n\n");
        for (String c : charts) b.append("![").append(c).append("](").append(c).append(")\n\n");
        b.append("## Traces\n\n| trace | invocations | functions | warm GPU work (s in 600 s) |\n|---|---|---|---|\n");
        for (String t : DissertationTraces.traces()) {
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %.0f |%n",
                    t,
                    DissertationTraces.invocations(t),
                    DissertationTraces.rows(t).size(),
                    DissertationTraces.warmWorkS(t)));
        }
        return b.toString();
    }

    private static void table(StringBuilder b, ReproductionReport rep, String table, String title) {
        b.append("## ")
                .append(title)
                .append(
                        "\n\n| | | published | simulated | ratio | target | verdict |\n|---|---|---|---|---|---|---|\n");
        for (Row r : rep.rows) {
            if (!r.table().equals(table)) continue;
            String v = r.verdict().equals("MISS") ? "**MISS**" : r.verdict();
            b.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s |%n",
                    r.row(),
                    r.column(),
                    fmt(r.published(), r.unit()),
                    fmt(r.simulated(), r.unit()),
                    Double.isNaN(r.published()) ? "" : String.format(Locale.ROOT, "%.2f", r.ratio()),
                    r.target().label,
                    v));
        }
        b.append('\n');
    }

    private static void checks(StringBuilder b, ReproductionReport rep, String table, String title) {
        b.append("**").append(title).append("**\n\n");
        for (Check c : rep.checks) {
            if (c.table().equals(table))
                b.append("- ")
                        .append(c.ok() ? "kept: " : "**broken**: ")
                        .append(c.what())
                        .append(" (")
                        .append(c.detail())
                        .append(")\n");
        }
        b.append('\n');
    }

    /** The likely cause of a miss, by its kind (docs/model.md, "Calibration", discusses each). */
    static String cause(Row r) {
        String c = r.column();
        boolean low = r.simulated() < r.published();
        if (c.endsWith("gpu utilization")) {
            return low
                    ? "The measured utilization is above what the trace's warm work can produce at the calibrated kernel "
                            + "activity (0.7 for every function, none is published); the model has no kernel activity outside "
                            + "executions and their memory waits."
                    : "The trace's functions keep their kernels busy less than the default activity (none is published per function).";
        }
        if (c.startsWith("mqfq-sticky mean latency")) {
            return low
                    ? "Queueing is over 99 % of the latency and grows with the bursts of the arrivals, which are not "
                            + "published; the stand-in's bursts (one setting for all nine traces) are milder than the measured ones here."
                    : "The stand-in's bursts are sharper here than the measured arrivals, or the model's sharing and memory costs are higher.";
        }
        if (c.startsWith("fcfs /")) {
            return low
                    ? "FCFS loses less to MQFQ-Sticky in the model than measured at this load: its extra cold starts (a second "
                            + "container for a popular function) and page faults cost less than in the measured system."
                    : "FCFS loses more in the model at this load: a long function taking both tokens blocks the short ones "
                            + "longer than in the measured runs.";
        }
        if (c.startsWith("batch /")) {
            return low
                    ? "Batching keeps a function's memory and container busy for a whole queue; the model charges it less "
                            + "than measured at this load."
                    : "Batching runs whole queues serially; at this load the model's batches "
                            + "delay other functions more than measured.";
        }
        return "See docs/model.md, \"Calibration\".";
    }

    static String cause(Check c) {
        if (c.table().equals(ReproductionReport.D_TABLE)) {
            return "In the model a third token still helps short invocations past long ones; the measured system lost more "
                    + "to a third co-runner than the calibrated sharing curve charges.";
        }
        return "The two latencies are close in the model; the stand-in arrivals decide the order.";
    }

    private static String curveLabel(String name) {
        return switch (name) {
            case "T" -> "T (s)";
            case "ttl" -> "TTL (× IAT)";
            default -> "pool (containers per GPU)";
        };
    }

    private static String fmt(double v, String unit) {
        if (Double.isNaN(v)) return "";
        return switch (unit) {
            case "%" -> String.format(Locale.ROOT, "%.1f %%", v);
            case "x" -> String.format(Locale.ROOT, "%.2f", v);
            case "s²" -> String.format(Locale.ROOT, "%.0f s²", v);
            default -> String.format(Locale.ROOT, "%.2f %s", v, unit);
        };
    }
}
