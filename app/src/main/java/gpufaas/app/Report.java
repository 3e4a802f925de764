package gpufaas.app;

import gpufaas.engine.metrics.RunSummary;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.GpuSetup;
import gpufaas.engine.run.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** The short human summary printed after a run. */
final class Report {
    private Report() {}

    static void run(PrintWriter out, RunSetup setup, RunResult r, Path dir, double wallS) {
        RunSummary s = r.summary();
        EngineConfig c = setup.config();
        out.println(setup.name() + " under " + s.policy() + " on " + hardware(c.hardware()) + ", seed " + c.seed());
        RunSummary.Counts n = s.counts();
        out.println(String.format(
                Locale.ROOT,
                "  invocations %d: %d completed, %d rejected, %d dropped, %d failed%s",
                n.invocations(),
                n.completed(),
                n.rejected(),
                n.dropped(),
                n.failed(),
                n.unfinished() > 0 ? ", " + n.unfinished() + " unfinished" : ""));
        out.println(String.format(
                Locale.ROOT,
                "  e2e mean %s ms, p99 %s ms; cold starts %s %%; GPU utilization %s %%",
                num(s.latency().meanE2eMs()),
                num(s.latency().p99E2eMs()),
                num(s.starts().coldPct()),
                num(100 * s.devices().gpuUtilization())));
        boolean live = !setup.experiment().spec().backend().equalsIgnoreCase(Planner.BACKEND);
        out.println(String.format(
                Locale.ROOT,
                "  wall %.2f s, %s invocations/s (%s; makespan %s s, %d events)",
                wallS,
                wallS > 0 ? num(n.invocations() / wallS) : "-",
                live ? "ran on the " + setup.experiment().spec().backend() + " backend" : "simulated",
                num(s.throughput().makespanS()),
                s.events()));
        if (!r.complete()) out.println("  incomplete: " + r.incompleteReason());
        out.println("  results in " + dir);
    }

    static String hardware(GpuSetup hw) {
        StringBuilder b = new StringBuilder();
        if (hw.count() > 0) {
            b.append(hw.count()).append(" x ").append(hw.profile().name());
            if (hw.mig() != null && !hw.mig().isBlank())
                b.append(" (MIG ").append(hw.mig()).append(')');
            if (hw.mps()) b.append(" (MPS)");
        }
        if (hw.cpuCores() > 0)
            b.append(b.length() > 0 ? " + " : "").append(hw.cpuCores()).append(" CPU cores");
        return b.toString();
    }

    /** A number for people: NaN as "-", otherwise 4 significant digits at most, no exponent. */
    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return "-";
        double a = Math.abs(v);
        if (a >= 1000 || v == Math.rint(v)) return String.format(Locale.ROOT, "%.0f", v);
        if (a >= 100) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
