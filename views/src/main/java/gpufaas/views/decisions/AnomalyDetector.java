package gpufaas.views.decisions;

import static gpufaas.views.decisions.DecisionExplainer.trim;
import static gpufaas.views.decisions.DecisionExplainer.whole;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Flags anomalies in a run's decisions as they arrive, from the decisions alone (each carries its
 * invocation's wait, its function's service estimate and weight, its deadline, and the policy's
 * tags): an invocation is examined when it waited at least {@code k} times its function's service
 * and at least {@code floorS} seconds. Then the decisions taken while it waited say which anomaly
 * it is:
 * <ul>
 * <li><b>starvation</b>, always; for a policy with virtual time (MQFQ) with a verdict on the
 *     algorithm's bound: while the waiting flow's start tag S is the smallest, each other flow j may
 *     be served until its tag passes V + T, together at most Σ_j (w_j·(T + S − V) + τ_j) seconds of
 *     service, where V is the virtual time when it arrived. Service to the others within that is the
 *     algorithm's doing (a consequence of T), beyond it a defect, or time the policy did not
 *     choose (the utilization gate, memory);</li>
 * <li><b>head-of-line blocking</b>, when most of the service given while it waited went to
 *     invocations that arrived before it and take at least {@link #HOL_FACTOR} times as long;</li>
 * <li><b>priority inversion</b>, when invocations that arrived after it with lower priority (a
 *     later deadline, or without SLOs a lower weight) were dispatched while it waited.</li>
 * </ul>
 * Plain Java; the decisions view model runs it on the FX thread. The decisions of the last
 * {@link #WINDOW} dispatches are kept to look back on. A function's backlog is flagged once per
 * kind: an invocation that was already waiting when an earlier one of its function was flagged is
 * part of the same episode.
 */
public final class AnomalyDetector {
    public static final double DEFAULT_K = 20;
    public static final double DEFAULT_FLOOR_S = 10;
    /** earlier invocations at least this many times longer than the waiting one block its line */
    static final double HOL_FACTOR = 5;
    /** decisions kept to look back on */
    static final int WINDOW = 20_000;

    private double k = DEFAULT_K;
    private double floorS = DEFAULT_FLOOR_S;
    private final ArrayList<DecisionRecord> recent = new ArrayList<>();
    private int start;
    /**
     * per function and kind: when the last invocation flagged for it was dispatched. A later one that
     * was already waiting then belongs to the same backlog and is not flagged again.
     */
    private final Map<String, Long> lastFlagged = new HashMap<>();

    public double k() {
        return k;
    }

    public double floorS() {
        return floorS;
    }

    /** Flags waits of at least {@code times} × the function's service and at least {@code seconds}. */
    public void set(double times, double seconds) {
        if (!(times > 0) || !(seconds >= 0)) throw new IllegalArgumentException("k must be > 0 and the floor >= 0");
        k = times;
        floorS = seconds;
    }

    public void reset() {
        recent.clear();
        start = 0;
        lastFlagged.clear();
    }

    /** Adds {@code a} unless the same kind was flagged on an earlier invocation of the same backlog of its function. */
    private void flag(Anomaly a, List<Anomaly> out) {
        String key = a.kind() + "/" + a.decision().function();
        Long last = lastFlagged.get(key);
        if (last != null && a.decision().arrivalUs() <= last) {
            lastFlagged.put(key, a.decision().timeUs());
            return;
        }
        lastFlagged.put(key, a.decision().timeUs());
        out.add(a);
    }

    /** Takes the next decisions of the run (in order) and returns the anomalies among them. */
    public List<Anomaly> add(List<DecisionRecord> batch) {
        List<Anomaly> out = new ArrayList<>();
        for (DecisionRecord r : batch) {
            recent.add(r);
            examine(r, out);
        }
        if (recent.size() - start > WINDOW) start = recent.size() - WINDOW;
        if (start > WINDOW) {
            recent.subList(0, start).clear();
            start = 0;
        }
        return out;
    }

    /** Whether {@code r} waited long enough to be examined. */
    boolean waitedLong(DecisionRecord r) {
        double service = r.context().serviceMs() / 1000;
        double wait = r.queueMs() / 1000;
        return !Double.isNaN(service) && service > 0 && wait >= floorS && wait >= k * service;
    }

    private void examine(DecisionRecord x, List<Anomaly> out) {
        if (!waitedLong(x)) return;
        long arrival = x.arrivalUs();
        // the decisions taken while x waited (recent is in dispatch order), and the last one before it arrived
        int end = recent.size() - 1;
        int first = end;
        while (first > start && recent.get(first - 1).timeUs() >= arrival) first--;
        DecisionRecord before = first > start ? recent.get(first - 1) : null;
        boolean partial = first == start && start > 0;
        double serviceX = x.context().serviceMs() / 1000;
        double waitS = x.queueMs() / 1000;
        double others = 0;
        int aheadCount = 0;
        double aheadLong = 0;
        Set<String> aheadFns = new LinkedHashSet<>();
        Map<String, double[]> otherFns = new LinkedHashMap<>(); // function -> {τ, w}
        int otherCount = 0;
        int own = 0;
        int inversions = 0;
        Set<String> inverters = new LinkedHashSet<>();
        double vFirst = Double.NaN;
        double vLast = x.virtualTime();
        for (int i = first; i < end; i++) {
            DecisionRecord y = recent.get(i);
            if (Double.isNaN(vFirst)) vFirst = y.virtualTime();
            if (y.function().equals(x.function())) {
                own++;
                continue;
            }
            double s = y.context().serviceMs() / 1000;
            if (Double.isNaN(s)) s = 0;
            others += s;
            otherCount++;
            otherFns.put(y.function(), new double[] {s, y.context().weight()});
            if (y.arrivalUs() < arrival) {
                if (s >= HOL_FACTOR * serviceX) {
                    aheadCount++;
                    aheadLong += s;
                    aheadFns.add(y.function());
                }
            } else if (lowerPriority(y, x)) {
                inversions++;
                inverters.add(y.function());
            }
        }
        String waited = String.format(
                Locale.ROOT,
                "%s waited %s s, %s times its estimated service of %s s (flagged at %s× and %s s).",
                x.function(),
                num(waitS),
                whole(waitS / serviceX),
                num(serviceX),
                trim(k),
                trim(floorS));
        String during = String.format(
                Locale.ROOT,
                " While it waited, %,d invocation%s of %d other function%s were dispatched, "
                        + "%s s of estimated service, and %d of its own function, ahead of it in its queue%s.",
                otherCount,
                otherCount == 1 ? "" : "s",
                otherFns.size(),
                otherFns.size() == 1 ? "" : "s",
                num(others),
                own,
                partial ? " (the log kept only part of its wait)" : "");
        flag(
                new Anomaly(
                        Anomaly.Kind.STARVATION,
                        x,
                        String.format(
                                Locale.ROOT,
                                "starved: waited %s s = %s× its service",
                                num(waitS),
                                whole(waitS / serviceX)),
                        "Anomaly: starvation. " + waited + during + " "
                                + bound(x, before, vFirst, vLast, otherFns, others)),
                out);
        if (aheadCount > 0 && aheadLong >= 0.5 * others) {
            flag(
                    new Anomaly(
                            Anomaly.Kind.HEAD_OF_LINE,
                            x,
                            String.format(Locale.ROOT, "head-of-line blocked by %d longer, earlier", aheadCount),
                            String.format(
                                    Locale.ROOT,
                                    "Anomaly: head-of-line blocking. Of the %s s of service dispatched while "
                                            + "%s waited, %s s went to %d invocation%s that arrived before it and take at least %s× as long as it "
                                            + "(%s): short work stuck behind long work in the line.",
                                    num(others),
                                    x.function(),
                                    num(aheadLong),
                                    aheadCount,
                                    aheadCount == 1 ? "" : "s",
                                    trim(HOL_FACTOR),
                                    String.join(", ", aheadFns))),
                    out);
        }
        if (inversions > 0) {
            String missed = x.context().deadlineUs() < 0
                    ? ""
                    : x.timeUs() + Math.round(serviceX * 1e6) > x.context().deadlineUs()
                            ? " It could no longer meet its deadline."
                            : " It could still meet its deadline.";
            flag(
                    new Anomaly(
                            Anomaly.Kind.PRIORITY_INVERSION,
                            x,
                            String.format(Locale.ROOT, "priority inversion: %d later, lower first", inversions),
                            String.format(
                                    Locale.ROOT,
                                    "Anomaly: priority inversion. %d invocation%s that arrived after %s with "
                                            + "a lower priority (%s) were dispatched while it waited (%s).%s",
                                    inversions,
                                    inversions == 1 ? "" : "s",
                                    x.function(),
                                    x.context().deadlineUs() >= 0 ? "a later deadline" : "a lower weight",
                                    String.join(", ", inverters),
                                    missed)),
                    out);
        }
    }

    /** Whether {@code y} has a lower priority than {@code x}: a later deadline, or (no deadlines) a lower weight. */
    static boolean lowerPriority(DecisionRecord y, DecisionRecord x) {
        long dx = x.context().deadlineUs();
        long dy = y.context().deadlineUs();
        if (dx >= 0) return dy < 0 || dy > dx;
        if (dy >= 0) return false;
        return y.context().weight() < x.context().weight();
    }

    /** The verdict on the policy's bound (MQFQ's tags), or what a policy without one does. */
    private static String bound(
            DecisionRecord x,
            DecisionRecord before,
            double vFirst,
            double vLast,
            Map<String, double[]> others,
            double given) {
        if (!x.hasTags()) {
            return x.policy()
                    + " keeps no virtual time and so no fairness bound: nothing limits how long an invocation waits "
                    + "while others are chosen first.";
        }
        double t = x.overrun();
        double s = x.startTag();
        double v0 = before != null ? before.virtualTime() : Double.isNaN(vFirst) ? vLast : vFirst;
        double lead = Math.max(0, s - v0);
        double allowed = 0;
        double minTau = Double.POSITIVE_INFINITY;
        for (double[] o : others.values()) {
            allowed += o[1] * (t + lead) + o[0];
            minTau = Math.min(minTau, o[0] / o[1]);
        }
        double tauX = x.context().serviceMs() / 1000 / x.context().weight();
        int d = Math.max(1, x.deviceDMax());
        String tagBound = others.isEmpty()
                ? ""
                : String.format(Locale.ROOT, " = %s here", num((d - 1) * (2 * t + tauX - minTau)));
        String head = String.format(
                Locale.ROOT,
                "V went from %s to %s while it waited; its start tag S = %s, T = %s. MQFQ bounds "
                        + "the start tags of two backlogged flows, |S_i − S_j| ≤ (D−1)(2T + τ_i − τ_j)%s, not the wait: while this "
                        + "flow's tag is the smallest, each other flow j may be served until its own tag passes V + T, together at "
                        + "most Σ_j (w_j·(T + S − V) + τ_j) = %s s of service.",
                num(v0),
                num(vLast),
                num(s),
                num(t),
                tagBound,
                num(allowed));
        if (given <= allowed * 1.05) {
            return head
                    + String.format(
                            Locale.ROOT,
                            " They took %s s ≤ %s s: the wait is within the algorithm's bound, a "
                                    + "consequence of T and of how many flows were backlogged (a smaller T shortens it), not a defect.",
                            num(given),
                            num(allowed));
        }
        return head
                + String.format(
                        Locale.ROOT,
                        " They took %s s > %s s: beyond the algorithm's bound, so a defect of the policy, "
                                + "or waiting the policy did not choose (the utilization gate, memory, a full device).",
                        num(given),
                        num(allowed));
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "–";
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.1f" : "%.2f", v);
    }
}
