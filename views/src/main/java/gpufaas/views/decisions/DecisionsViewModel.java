package gpufaas.views.decisions;

import gpufaas.views.run.WhatIf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State behind the Decisions tab: the log of the run's decisions (the latest {@link #CAPACITY}),
 * the search query and the decisions matching it, the selected decision and its explanation.
 */
public final class DecisionsViewModel {
    public static final int CAPACITY = 50_000;

    private final DecisionLog log = new DecisionLog(CAPACITY);
    private final List<DecisionRecord> pending = new ArrayList<>();
    private final RecentList<DecisionRecord> shown = new RecentList<>();
    /** The decisions matching the query, oldest first: the table's items (read-only). */
    public final ObservableList<DecisionRecord> visible = shown;

    public final StringProperty query = new SimpleStringProperty("");
    public final ObjectProperty<DecisionRecord> selected = new SimpleObjectProperty<>();
    public final StringProperty explanation = new SimpleStringProperty("");
    public final StringProperty status = new SimpleStringProperty("");
    public final BooleanProperty follow = new SimpleBooleanProperty(true);
    /** every function and device named by a decision of this run, for the log's column widths */
    private final Set<String> functionNames = new LinkedHashSet<>();

    private final Set<String> deviceNames = new LinkedHashSet<>();
    private long generation;
    private final AnomalyDetector detector = new AnomalyDetector();
    /** the anomalies of each flagged decision, by its sequence number */
    private final Map<Long, List<Anomaly>> anomalies = new HashMap<>();

    private final EnumMap<Anomaly.Kind, Integer> anomalyCounts = new EnumMap<>(Anomaly.Kind.class);
    /** only the decisions with an anomaly */
    public final BooleanProperty anomaliesOnly = new SimpleBooleanProperty(false);
    /** "3 anomalies: 2 starved, 1 head-of-line blocked"; empty when none */
    public final StringProperty anomalySummary = new SimpleStringProperty("");

    /** the selected decision's alternatives for a what-if: the next candidate flow, other devices */
    public final ObservableList<WhatIf.Alternative> whatIfChoices = FXCollections.observableArrayList();

    public final ObjectProperty<WhatIf.Alternative> whatIfChoice = new SimpleObjectProperty<>();
    /** seconds after the decision whose arrivals the counterfactual compares */
    public final StringProperty whatIfWindowS = new SimpleStringProperty("30");

    public final StringProperty whatIfResult = new SimpleStringProperty("");
    public final BooleanProperty whatIfRunning = new SimpleBooleanProperty(false);
    private WhatIfRunner whatIfRunner =
            (d, alt, s, done) -> done.accept(null, "what-if is not available in this window");

    /** Runs a what-if in the background and hands back its result, or why there is none, on the FX thread. */
    @FunctionalInterface
    public interface WhatIfRunner {
        void run(
                DecisionRecord decision,
                WhatIf.Alternative alternative,
                double windowS,
                BiConsumer<WhatIf.Result, String> done);
    }

    public DecisionsViewModel() {
        query.addListener((o, a, b) -> refilter());
        anomaliesOnly.addListener((o, a, b) -> refilter());
        selected.addListener((o, a, b) -> {
            explanation.set(b == null ? "" : explain(b));
            whatIfChoices.setAll(b == null ? List.of() : WhatIf.alternatives(b));
            whatIfChoice.set(whatIfChoices.isEmpty() ? null : whatIfChoices.get(0));
            whatIfResult.set("");
        });
    }

    public void setWhatIfRunner(WhatIfRunner r) {
        whatIfRunner = r;
    }

    /**
     * Reruns the run from time 0 with the selected decision overridden by the chosen alternative
     * and compares (in the background); false with a reason in {@link #whatIfResult} when it cannot.
     */
    public boolean runWhatIf() {
        DecisionRecord d = selected.get();
        var alt = whatIfChoice.get();
        if (d == null || alt == null) {
            whatIfResult.set("Select a decision first.");
            return false;
        }
        double windowS;
        try {
            windowS = Double.parseDouble(whatIfWindowS.get().trim());
            if (!(windowS > 0) || Double.isInfinite(windowS)) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            whatIfResult.set("the next … seconds: '" + whatIfWindowS.get() + "' is not a number of seconds > 0");
            return false;
        }
        if (whatIfRunning.get()) return false;
        whatIfRunning.set(true);
        whatIfResult.set("Rerunning from time 0, as it was and with " + alt.describe() + " …");
        whatIfRunner.run(d, alt, windowS, (result, problem) -> {
            whatIfRunning.set(false);
            whatIfResult.set(result != null ? result.describe() : problem);
        });
        return true;
    }

    /** The decision in sentences, with its anomalies. */
    public String explain(DecisionRecord r) {
        StringBuilder b = new StringBuilder(DecisionExplainer.explain(r));
        for (Anomaly a : anomaliesOf(r)) b.append("\n\n").append(a.explanation());
        return b.toString();
    }

    /**
     * One frame's new decisions, into the log; {@link #visible} follows on {@link #sync()}. Returns
     * the anomalies found among them (the window marks them on the device timeline).
     */
    public List<Anomaly> append(List<DecisionRecord> batch, boolean reset) {
        if (reset) {
            log.clear();
            pending.clear();
            shown.replaceAll(List.of());
            selected.set(null);
            functionNames.clear();
            deviceNames.clear();
            detector.reset();
            anomalies.clear();
            anomalyCounts.clear();
            anomalySummary.set("");
            generation++;
            updateStatus();
        }
        if (batch.isEmpty()) return List.of();
        for (DecisionRecord r : batch) {
            functionNames.add(r.function());
            deviceNames.add(r.device());
        }
        log.addAll(batch);
        pending.addAll(batch);
        if (pending.size() > CAPACITY)
            pending.subList(0, pending.size() - CAPACITY).clear();
        List<Anomaly> found = detector.add(batch);
        record(found);
        return found;
    }

    private void record(List<Anomaly> found) {
        if (found.isEmpty()) return;
        for (Anomaly a : found) {
            anomalies
                    .computeIfAbsent(a.decision().seq(), k -> new ArrayList<>())
                    .add(a);
            anomalyCounts.merge(a.kind(), 1, Integer::sum);
        }
        int n = anomalyCounts.values().stream().mapToInt(Integer::intValue).sum();
        List<String> parts = new ArrayList<>();
        anomalyCounts.forEach((k, c) -> parts.add(c + " " + k.label()));
        anomalySummary.set(String.format("%,d anomal%s: %s", n, n == 1 ? "y" : "ies", String.join(", ", parts)));
    }

    /** The anomalies flagged on {@code r}, possibly none. */
    public List<Anomaly> anomaliesOf(DecisionRecord r) {
        List<Anomaly> a = anomalies.get(r.seq());
        return a == null ? List.of() : a;
    }

    /** "⚠ starved, head-of-line blocked", or "" for the log's anomaly column. */
    public String flags(DecisionRecord r) {
        List<Anomaly> a = anomaliesOf(r);
        if (a.isEmpty()) return "";
        List<String> k = new ArrayList<>();
        for (Anomaly x : a) k.add(x.kind().label());
        return "⚠ " + String.join(", ", k);
    }

    private String searchExtra(DecisionRecord r) {
        List<Anomaly> a = anomaliesOf(r);
        if (a.isEmpty()) return "";
        StringBuilder b = new StringBuilder("anomaly");
        for (Anomaly x : a) b.append(' ').append(x.kind().label());
        return b.toString();
    }

    /** The detector's thresholds: waits of at least {@code k} × the function's service and {@code floorS} seconds. */
    public AnomalyDetector detector() {
        return detector;
    }

    /**
     * Flags again with new thresholds over the decisions in the log; returns every anomaly found
     * (the window re-marks the timeline).
     */
    public List<Anomaly> setThresholds(double k, double floorS) {
        detector.set(k, floorS);
        detector.reset();
        anomalies.clear();
        anomalyCounts.clear();
        anomalySummary.set("");
        List<Anomaly> found = detector.add(log.all());
        record(found);
        refilter();
        DecisionRecord s = selected.get();
        if (s != null) explanation.set(explain(s));
        return found;
    }

    /**
     * Brings {@link #visible} up to date with the log (the table's items): the view calls it while
     * it shows, so a hidden tab costs nothing but the log.
     */
    public void sync() {
        if (pending.isEmpty()) return;
        long oldest = log.size() == 0 ? Long.MAX_VALUE : log.iterator().next().seq();
        int cut = 0;
        while (cut < visible.size() && visible.get(cut).seq() < oldest) cut++;
        shown.dropFirst(cut);
        String q = query.get();
        List<DecisionRecord> add = new ArrayList<>();
        for (DecisionRecord r : pending) if (r.seq() >= oldest && keep(r, q)) add.add(r);
        pending.clear();
        shown.append(add);
        updateStatus();
    }

    private boolean keep(DecisionRecord r, String q) {
        if (anomaliesOnly.get() && anomaliesOf(r).isEmpty()) return false;
        return DecisionLog.matches(r, q, searchExtra(r));
    }

    private void refilter() {
        pending.clear();
        List<DecisionRecord> all = log.search(query.get(), this::searchExtra);
        if (anomaliesOnly.get()) all.removeIf(r -> anomaliesOf(r).isEmpty());
        shown.replaceAll(all);
        updateStatus();
    }

    private void updateStatus() {
        String base = String.format("%,d of %,d decisions", visible.size(), log.size());
        status.set(log.dropped() > 0 ? base + String.format(" (the %,d oldest were dropped)", log.dropped()) : base);
    }

    /**
     * What the log says when it shows no row: that there are no decisions yet, or that the search
     * matches none of them.
     */
    public String emptyText() {
        String q = query.get() == null ? "" : query.get().trim();
        if (log.size() == 0 && pending.isEmpty()) return DecisionTablePainter.EMPTY;
        if (anomaliesOnly.get() && q.isEmpty()) {
            return String.format(
                    "No anomaly among the %,d decisions (waits of at least %s× the service and %s s are examined).",
                    log.size(), detector.k(), detector.floorS());
        }
        if (!q.isEmpty()) {
            return String.format(
                    "No decision matches \u201c%s\u201d (of %,d). Clear the search to see them all.", q, log.size());
        }
        return DecisionTablePainter.EMPTY;
    }

    /** Every function named by a decision of this run. */
    public Collection<String> functionNames() {
        return functionNames;
    }

    /** Every device named by a decision of this run. */
    public Collection<String> deviceNames() {
        return deviceNames;
    }

    /** Changes when a new run starts (load or reset). */
    public long generation() {
        return generation;
    }

    public int size() {
        return log.size();
    }

    /** Decisions appended but not yet in {@link #visible}. */
    public int pendingCount() {
        return pending.size();
    }
}
