package gpufaas.views.compare;

import gpufaas.engine.metrics.RunSummary;
import gpufaas.views.run.RunPlan;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.Presets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State behind the Compare tab: which policies to compare, the runs in progress (polled once per
 * frame), the table rows and the finished results for the overlaid charts.
 */
public final class CompareViewModel {
    private final CompareRunner runner;
    private final PublishedValues publishedValues;
    public final ObservableList<String> chosen = FXCollections.observableArrayList();
    /** the comparison's verdict: which policy is best at what, in sentences; empty until two runs are done */
    public final StringProperty verdict = new SimpleStringProperty("");
    /** the published values beside this comparison's, when the experiment is one of the published ones */
    public final ObservableList<PublishedValues.PublishedRow> published = FXCollections.observableArrayList();
    /** what the published rows are and how this comparison differs from the published runs */
    public final StringProperty publishedNote = new SimpleStringProperty("");

    private ExperimentSpec compared;
    public final ObservableList<CompareRow> rows = FXCollections.observableArrayList();
    public final StringProperty status = new SimpleStringProperty("Choose policies and press Compare.");
    /** said after the status when the experiment names a live backend */
    private String simulatedNote = "";

    public final BooleanProperty running = new SimpleBooleanProperty(false);
    private List<CompareRunner.Entry> entries = List.of();
    private final List<CompareResult> results = new ArrayList<>();
    private long revision;
    private long started;

    public CompareViewModel(CompareRunner runner) {
        this(runner, PublishedValues.NONE);
    }

    public CompareViewModel(CompareRunner runner, PublishedValues published) {
        this.runner = runner;
        this.publishedValues = published;
        chosen.setAll("mqfq-sticky", "fcfs", "paella-sjf");
    }

    /** The table's measures, how each is written, and which way is better. */
    public enum Metric {
        MEAN("mean (s)", false, CompareRow::meanMs, 1e-3),
        P50("p50 (s)", false, CompareRow::p50Ms, 1e-3),
        P99("p99 (s)", false, CompareRow::p99Ms, 1e-3),
        COLD("cold %", false, CompareRow::coldPct, 1),
        UTILIZATION("GPU util %", true, CompareRow::utilizationPct, 1),
        FAIRNESS("fairness (Jain)", true, CompareRow::fairness, 1);

        public final String title;
        /** true when a larger value is better */
        public final boolean higherBetter;

        private final ToDoubleFunction<CompareRow> value;
        private final double scale;

        Metric(String title, boolean higherBetter, ToDoubleFunction<CompareRow> value, double scale) {
            this.title = title;
            this.higherBetter = higherBetter;
            this.value = value;
            this.scale = scale;
        }

        /** The row's value as the table shows it (seconds for latencies). */
        public double of(CompareRow r) {
            return value.applyAsDouble(r) * scale;
        }
    }

    /**
     * Whether {@code r} is the best of the finished rows at {@code m} (ties: all of them), when at
     * least two rows are finished and they differ.
     */
    public boolean isBest(CompareRow r, Metric m) {
        List<CompareRow> done =
                rows.stream().filter(x -> !Double.isNaN(m.of(x))).toList();
        if (done.size() < 2 || Double.isNaN(m.of(r))) return false;
        double best = m.higherBetter
                ? done.stream().mapToDouble(m::of).max().orElse(Double.NaN)
                : done.stream().mapToDouble(m::of).min().orElse(Double.NaN);
        double worst = m.higherBetter
                ? done.stream().mapToDouble(m::of).min().orElse(Double.NaN)
                : done.stream().mapToDouble(m::of).max().orElse(Double.NaN);
        return best != worst && m.of(r) == best;
    }

    /** The verdict of the finished rows: per measure the best policy and how much worse the worst is. */
    static String verdictOf(List<CompareRow> rows) {
        List<CompareRow> done =
                rows.stream().filter(r -> !Double.isNaN(r.meanMs())).toList();
        if (done.size() < 2) return "";
        Map<String, List<String>> wins = new LinkedHashMap<>();
        StringBuilder detail = new StringBuilder();
        for (Metric m : Metric.values()) {
            CompareRow best = done.get(0);
            CompareRow worst = done.get(0);
            for (CompareRow r : done) {
                if (m.higherBetter ? m.of(r) > m.of(best) : m.of(r) < m.of(best)) best = r;
                if (m.higherBetter ? m.of(r) < m.of(worst) : m.of(r) > m.of(worst)) worst = r;
            }
            if (m.of(best) == m.of(worst)) continue;
            wins.computeIfAbsent(best.policy(), k -> new ArrayList<>())
                    .add(m.title.replace(" (s)", "").replace(" %", ""));
            if (m == Metric.MEAN) {
                detail.append(String.format(
                        Locale.ROOT,
                        " Mean latency: %s %.2f s, %s %.2f s (%.1f× the best).",
                        best.policy(),
                        m.of(best),
                        worst.policy(),
                        m.of(worst),
                        m.of(worst) / Math.max(1e-12, m.of(best))));
            }
        }
        StringBuilder b = new StringBuilder("Best: ");
        boolean first = true;
        for (var e : wins.entrySet()) {
            if (!first) b.append("; ");
            b.append(e.getKey())
                    .append(" (")
                    .append(String.join(", ", e.getValue()))
                    .append(')');
            first = false;
        }
        return b.append('.')
                .append(detail)
                .append(" Lower is better except GPU util and fairness.")
                .toString();
    }

    /**
     * Starts the comparison of {@code base} under every chosen policy; {@code plan} resolves one
     * variant (null with the reason from {@code problem} when it cannot run).
     */
    public boolean start(
            ExperimentSpec base,
            BiFunction<ExperimentSpec, String, ExperimentSpec> withPolicy,
            Function<ExperimentSpec, RunPlan> plan,
            Function<ExperimentSpec, String> problem) {
        if (chosen.isEmpty()) {
            status.set("Choose at least one policy.");
            return false;
        }
        cancel();
        // a Docker or CUDA experiment is compared on the simulator (runs of minutes of real time each, one after
        // another, would not be a comparison in the background)
        simulatedNote = base.backend().equalsIgnoreCase("sim")
                ? ""
                : " (on the simulator: the experiment's " + base.backend() + " backend runs only in the Live tab)";
        List<String> policies = new ArrayList<>(chosen);
        List<RunPlan> plans = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String p : policies) {
            ExperimentSpec s = withPolicy.apply(base, p);
            RunPlan rp = plan.apply(s);
            plans.add(rp);
            errors.add(rp == null ? problem.apply(s) : "");
        }
        results.clear();
        published.clear();
        publishedNote.set("");
        verdict.set("");
        compared = base;
        entries = runner.start(policies, plans, errors);
        started = System.nanoTime();
        running.set(true);
        poll();
        revision++;
        return true;
    }

    public void cancel() {
        CompareRunner.cancel(entries);
        running.set(false);
    }

    /** Called once per frame: refreshes the rows from the runs; true when something changed. */
    public boolean poll() {
        if (entries.isEmpty()) return false;
        List<CompareRow> fresh = new ArrayList<>();
        boolean allDone = true;
        for (CompareRunner.Entry e : entries) {
            CompareRunner.Entry.State state = e.state(); // read before the result: a run sets its result, then DONE
            CompareResult r = e.result();
            if (r != null && !results.contains(r)) {
                results.add(r);
                revision++;
            }
            if (state == CompareRunner.Entry.State.QUEUED || state == CompareRunner.Entry.State.RUNNING)
                allDone = false;
            fresh.add(row(e, state, r));
        }
        boolean changed = !fresh.equals(rows);
        if (changed) rows.setAll(fresh);
        if (changed) verdict.set(verdictOf(fresh));
        if (allDone && running.get()) {
            running.set(false);
            fillPublished();
            status.set(String.format(
                    Locale.ROOT,
                    "Done: %d of %d runs in %.1f s on %d cores%s.",
                    results.size(),
                    entries.size(),
                    (System.nanoTime() - started) / 1e9,
                    Runtime.getRuntime().availableProcessors(),
                    simulatedNote));
            changed = true;
        } else if (!allDone) {
            status.set(String.format(
                    Locale.ROOT,
                    "Running %d policies in the background on %d cores%s…",
                    entries.size(),
                    Runtime.getRuntime().availableProcessors(),
                    simulatedNote));
        }
        return changed;
    }

    private static CompareRow row(CompareRunner.Entry e, CompareRunner.Entry.State state, CompareResult r) {
        if (r == null) {
            String st = switch (state) {
                case QUEUED -> "queued";
                case RUNNING ->
                    e.progress() >= 0 ? String.format(Locale.ROOT, "running %.0f %%", e.progress() * 100) : "running";
                case FAILED -> "failed: " + e.error();
                case CANCELLED -> "cancelled";
                case DONE -> "done";
            };
            return new CompareRow(
                    e.policy(), st, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        RunSummary s = r.summary();
        return new CompareRow(
                e.policy(),
                "done",
                s.latency().meanE2eMs(),
                s.latency().p50E2eMs(),
                s.latency().p99E2eMs(),
                s.starts().coldPct(),
                s.devices().gpuUtilization() * 100,
                s.fairness().jainFairness(),
                s.counts().completed());
    }

    /** The published values beside this comparison's, for the policies that ran (when the experiment is a published one). */
    private void fillPublished() {
        if (compared == null || results.isEmpty()) return;
        Map<String, RunSummary> byPolicy = new LinkedHashMap<>();
        for (CompareRunner.Entry e : entries)
            if (e.result() != null) byPolicy.put(e.policy(), e.result().summary());
        List<PublishedValues.PublishedRow> rowsOut = publishedValues.compare(compared, byPolicy);
        published.setAll(rowsOut);
        if (rowsOut.isEmpty()) {
            publishedNote.set("");
            return;
        }
        long missed = rowsOut.stream().filter(r -> r.verdict().equals("MISS")).count();
        long judged = rowsOut.stream().filter(r -> !r.verdict().isEmpty()).count();
        String differs = "";
        try {
            ExperimentSpec p = Presets.spec(compared.name());
            if (!p.devices().equals(compared.devices())
                    || !p.params().equals(compared.params())
                    || !p.workload().equals(compared.workload())) {
                differs = " This experiment's devices, parameters or workload differ from the published setup "
                        + "(one V100, D = 2, the 95 % cap), so the published values are not its target.";
            }
        } catch (RuntimeException e) {
            differs = "";
        }
        publishedNote.set(String.format(
                Locale.ROOT,
                "Published (MQFQ-Sticky dissertation, one V100) beside this comparison: "
                        + "%d of %d targets met. One seed here (%d); ./workbench reproduce averages five, and Help ▸ Reproduce the paper "
                        + "runs them all.%s",
                judged - missed,
                judged,
                compared.seed(),
                differs));
    }

    /** Finished runs in the order they finished. */
    public List<CompareResult> results() {
        return List.copyOf(results);
    }

    public long revision() {
        return revision;
    }
}
