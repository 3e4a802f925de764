package gpufaas.views.decisions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The most recent decisions of a run, oldest first, capped at {@code capacity} (the oldest fall
 * off), with substring search over function, device, start type, time and the explanation's
 * summary. Plain Java, used on the FX thread by the view model.
 */
public final class DecisionLog {
    private final int capacity;
    private final ArrayDeque<DecisionRecord> records = new ArrayDeque<>();
    private long dropped;

    public DecisionLog(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1");
        this.capacity = capacity;
    }

    /** Appends; returns how many old records fell off. */
    public int addAll(List<DecisionRecord> batch) {
        for (DecisionRecord r : batch) records.addLast(r);
        int off = 0;
        while (records.size() > capacity) {
            records.removeFirst();
            off++;
        }
        dropped += off;
        return off;
    }

    public void clear() {
        records.clear();
        dropped = 0;
    }

    public int size() {
        return records.size();
    }

    /** Decisions that fell off the front since the last clear. */
    public long dropped() {
        return dropped;
    }

    public List<DecisionRecord> all() {
        return new ArrayList<>(records);
    }

    /** Decisions whose searchable text contains every word of {@code query} (case-insensitive); all when blank. */
    public List<DecisionRecord> search(String query) {
        return search(query, r -> "");
    }

    /** As {@link #search(String)}, with {@code extra} text per decision searched too (its anomalies). */
    public List<DecisionRecord> search(String query, Function<DecisionRecord, String> extra) {
        List<DecisionRecord> out = new ArrayList<>();
        for (DecisionRecord r : records) if (matches(r, query, extra.apply(r))) out.add(r);
        return out;
    }

    /** Whether {@code r} matches every whitespace-separated word of {@code query}. */
    public static boolean matches(DecisionRecord r, String query) {
        return matches(r, query, "");
    }

    /** Whether {@code r}, with {@code extra} text, matches every whitespace-separated word of {@code query}. */
    public static boolean matches(DecisionRecord r, String query, String extra) {
        if (query == null || query.isBlank()) return true;
        String text = DecisionExplainer.searchText(r) + (extra.isEmpty() ? "" : " " + extra.toLowerCase(Locale.ROOT));
        for (String w : query.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!text.contains(w)) return false;
        }
        return true;
    }

    public Iterator<DecisionRecord> iterator() {
        return records.iterator();
    }
}
