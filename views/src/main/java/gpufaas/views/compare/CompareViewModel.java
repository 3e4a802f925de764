package gpufaas.views.compare;

import gpufaas.engine.metrics.RunSummary;
import gpufaas.views.run.RunPlan;
import gpufaas.workload.experiment.ExperimentSpec;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * State behind the Compare tab: which policies to compare, the runs in progress (polled once per
 * frame), the table rows and the finished results for the overlaid charts.
 */
public final class CompareViewModel {
    private final CompareRunner runner;
    public final ObservableList<String> chosen = FXCollections.observableArrayList();
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
        this.runner = runner;
        chosen.setAll("mqfq-sticky", "fcfs", "paella-sjf");
    }

    /**
     * Starts the comparison of {@code base} under every chosen policy; {@code plan} resolves one
     * variant (null with the reason from {@code problem} when it cannot run).
     */
    public boolean start(ExperimentSpec base, BiFunction<ExperimentSpec, String, ExperimentSpec> withPolicy,
                         Function<ExperimentSpec, RunPlan> plan, Function<ExperimentSpec, String> problem) {
        if (chosen.isEmpty()) {
            status.set("Choose at least one policy.");
            return false;
        }
        cancel();
        // a Docker or CUDA experiment is compared on the simulator (runs of minutes of real time each, one after another, would not be a comparison in the background)
        simulatedNote = base.backend().equalsIgnoreCase("sim") ? ""
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
            if (state == CompareRunner.Entry.State.QUEUED || state == CompareRunner.Entry.State.RUNNING) allDone = false;
            fresh.add(row(e, state, r));
        }
        boolean changed = !fresh.equals(rows);
        if (changed) rows.setAll(fresh);
        if (allDone && running.get()) {
            running.set(false);
            status.set(String.format(Locale.ROOT, "Done: %d of %d runs in %.1f s on %d cores%s.", results.size(), entries.size(),
                    (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors(), simulatedNote));
            changed = true;
        } else if (!allDone) {
            status.set(String.format(Locale.ROOT, "Running %d policies in the background on %d cores%s…", entries.size(),
                    Runtime.getRuntime().availableProcessors(), simulatedNote));
        }
        return changed;
    }

    private static CompareRow row(CompareRunner.Entry e, CompareRunner.Entry.State state, CompareResult r) {
        if (r == null) {
            String st = switch (state) {
                case QUEUED -> "queued";
                case RUNNING -> e.progress() >= 0 ? String.format(Locale.ROOT, "running %.0f %%", e.progress() * 100) : "running";
                case FAILED -> "failed: " + e.error();
                case CANCELLED -> "cancelled";
                case DONE -> "done";
            };
            return new CompareRow(e.policy(), st, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        RunSummary s = r.summary();
        return new CompareRow(e.policy(), "done", s.latency().meanE2eMs(), s.latency().p50E2eMs(), s.latency().p99E2eMs(),
                s.starts().coldPct(), s.devices().gpuUtilization() * 100, s.fairness().jainFairness(), s.counts().completed());
    }

    /** Finished runs in the order they finished. */
    public List<CompareResult> results() { return List.copyOf(results); }

    public long revision() { return revision; }
}
