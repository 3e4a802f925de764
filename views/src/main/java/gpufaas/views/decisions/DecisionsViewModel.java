package gpufaas.views.decisions;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

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
    private final java.util.Set<String> functionNames = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> deviceNames = new java.util.LinkedHashSet<>();
    private long generation;

    public DecisionsViewModel() {
        query.addListener((o, a, b) -> refilter());
        selected.addListener((o, a, b) -> explanation.set(b == null ? "" : DecisionExplainer.explain(b)));
    }

    /** One frame's new decisions, into the log; {@link #visible} follows on {@link #sync()}. */
    public void append(List<DecisionRecord> batch, boolean reset) {
        if (reset) {
            log.clear();
            pending.clear();
            shown.replaceAll(List.of());
            selected.set(null);
            functionNames.clear();
            deviceNames.clear();
            generation++;
            updateStatus();
        }
        if (batch.isEmpty()) return;
        for (DecisionRecord r : batch) {
            functionNames.add(r.function());
            deviceNames.add(r.device());
        }
        log.addAll(batch);
        pending.addAll(batch);
        if (pending.size() > CAPACITY) pending.subList(0, pending.size() - CAPACITY).clear();
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
        for (DecisionRecord r : pending) if (r.seq() >= oldest && DecisionLog.matches(r, q)) add.add(r);
        pending.clear();
        shown.append(add);
        updateStatus();
    }

    private void refilter() {
        pending.clear();
        shown.replaceAll(log.search(query.get()));
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
        if (!q.isEmpty()) {
            return String.format("No decision matches \u201c%s\u201d (of %,d). Clear the search to see them all.", q,
                    log.size());
        }
        return DecisionTablePainter.EMPTY;
    }

    /** Every function named by a decision of this run. */
    public java.util.Collection<String> functionNames() { return functionNames; }

    /** Every device named by a decision of this run. */
    public java.util.Collection<String> deviceNames() { return deviceNames; }

    /** Changes when a new run starts (load or reset). */
    public long generation() { return generation; }

    public int size() { return log.size(); }

    /** Decisions appended but not yet in {@link #visible}. */
    public int pendingCount() { return pending.size(); }
}
