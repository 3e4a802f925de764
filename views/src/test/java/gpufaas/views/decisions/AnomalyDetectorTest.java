package gpufaas.views.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.StartType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Anomalies on hand-made decision logs, with the numbers worked out in the comments. */
class AnomalyDetectorTest {
    private long seq;

    /** A decision at {@code t} s of {@code fn} (service {@code serviceS}) that waited {@code waitS} s, with MQFQ's V, T and S. */
    private DecisionRecord d(
            double t,
            String fn,
            double serviceS,
            double waitS,
            double v,
            double tT,
            double s,
            long deadlineUs,
            double weight) {
        seq++;
        return new DecisionRecord(
                seq,
                Math.round(t * 1e6),
                seq + 100,
                fn.hashCode() & 7,
                fn,
                "a30-0",
                StartType.WARM,
                waitS * 1000,
                Double.isNaN(v) ? "fcfs" : "mqfq-sticky",
                v,
                tT,
                s,
                List.of(),
                List.of(),
                0,
                0,
                24576,
                0,
                1,
                2,
                new DecisionContext(0, serviceS * 1000, weight, deadlineUs, 0, Double.NaN, Double.NaN, List.of()));
    }

    private DecisionRecord mqfq(double t, String fn, double serviceS, double waitS, double v, double s) {
        return d(t, fn, serviceS, waitS, v, 5, s, -1, 1);
    }

    @Test
    void aRareFlowThatWaits_atV_isStarvationWithinMqfqsBound() {
        // rare arrives at 0 with S = V = 0.04; two other flows (a: 1 s, b: 2 s of service) are served 10 times each
        // while it
        // waits 40 s: 30 s of service to the others. With T = 20 the tags allow Σ_j (w_j·(T + S − V) + τ_j)
        // = (20 + 0 + 1) + (20 + 0 + 2) = 43 s >= 30 s: within the bound. The tag bound (D−1)(2T + τ_i − τ_j) with D =
        // 2,
        // τ_i = 0.5 and the smallest τ_j = 1 is 1 × (40 + 0.5 − 1) = 39.5.
        AnomalyDetector det = new AnomalyDetector();
        List<DecisionRecord> log = new ArrayList<>();
        log.add(d(-0.5, "a", 1, 0, 0.04, 20, 0.04, -1, 1)); // before rare arrives: V = 0.04
        for (int i = 0; i < 10; i++) {
            log.add(d(1 + 3 * i, "a", 1, 0.1, 0.04, 20, 0.04 + i, -1, 1));
            log.add(d(2 + 3 * i, "b", 2, 0.1, 0.04, 20, 0.04 + 2 * i, -1, 1));
        }
        DecisionRecord rare = d(40, "rare", 0.5, 40, 0.04, 20, 0.04, -1, 1);
        log.add(rare);
        List<Anomaly> found = det.add(log);
        assertThat(found).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo(Anomaly.Kind.STARVATION);
            assertThat(a.decision()).isSameAs(rare);
            assertThat(a.summary()).isEqualTo("starved: waited 40.00 s = 80× its service");
            assertThat(a.explanation())
                    .contains("rare waited 40.00 s, 80 times its estimated service of 0.50 s")
                    .contains("20 invocations of 2 other functions were dispatched, 30.00 s of estimated service")
                    .contains("V went from 0.04 to 0.04")
                    .contains("(D−1)(2T + τ_i − τ_j) = 39.50 here")
                    .contains("together at most Σ_j (w_j·(T + S − V) + τ_j) = 43.00 s of service")
                    .contains("They took 30.00 s ≤ 43.00 s: the wait is within the algorithm's bound");
        });
    }

    @Test
    void moreServiceToOthersThanTheTagsAllow_isBeyondTheBound() {
        // as above with T = 5: allowed (5 + 1) + (5 + 2) = 13 s, taken 30 s
        AnomalyDetector det = new AnomalyDetector();
        List<DecisionRecord> log = new ArrayList<>();
        log.add(mqfq(-0.5, "a", 1, 0, 0.04, 0.04));
        for (int i = 0; i < 10; i++) {
            log.add(mqfq(1 + 3 * i, "a", 1, 0.1, 0.04, 0.04 + i));
            log.add(mqfq(2 + 3 * i, "b", 2, 0.1, 0.04, 0.04 + 2 * i));
        }
        log.add(mqfq(40, "rare", 0.5, 40, 0.04, 0.04));
        Anomaly a = det.add(log).get(0);
        assertThat(a.explanation()).contains("They took 30.00 s > 13.00 s: beyond the algorithm's bound");
    }

    @Test
    void aPolicyWithoutTags_hasNoBound_andShortWorkBehindLongIsHeadOfLineBlocking() {
        // fcfs: short (0.02 s) arrives at 0 and waits 30 s behind six 4.5 s invocations that arrived before it
        AnomalyDetector det = new AnomalyDetector();
        List<DecisionRecord> log = new ArrayList<>();
        for (int i = 0; i < 6; i++)
            log.add(d(5 * i + 1, "ffmpeg", 4.5, 5 * i + 2, Double.NaN, Double.NaN, Double.NaN, -1, 1));
        log.add(d(30, "short", 0.02, 30, Double.NaN, Double.NaN, Double.NaN, -1, 1));
        List<Anomaly> found = det.add(log);
        assertThat(found).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.STARVATION, Anomaly.Kind.HEAD_OF_LINE);
        assertThat(found.get(0).explanation()).contains("fcfs keeps no virtual time and so no fairness bound");
        assertThat(found.get(1).explanation())
                .contains("27.00 s went to 6 invocations that arrived before it and take at least 5× as long")
                .contains("(ffmpeg)");
    }

    @Test
    void laterInvocationsWithLaterDeadlinesGoingFirst_isPriorityInversion() {
        // tight (deadline 2 s after its arrival at 0) waits 12 s while three later arrivals with deadlines at 60 s go
        // first
        AnomalyDetector det = new AnomalyDetector();
        List<DecisionRecord> log = new ArrayList<>();
        for (int i = 0; i < 3; i++) log.add(d(3 + i, "loose", 1, 1, Double.NaN, Double.NaN, Double.NaN, 60_000_000, 1));
        log.add(d(12, "tight", 0.3, 12, Double.NaN, Double.NaN, Double.NaN, 2_000_000, 1));
        List<Anomaly> found = det.add(log);
        assertThat(found).extracting(Anomaly::kind).contains(Anomaly.Kind.PRIORITY_INVERSION);
        Anomaly inv = found.stream()
                .filter(a -> a.kind() == Anomaly.Kind.PRIORITY_INVERSION)
                .findFirst()
                .orElseThrow();
        assertThat(inv.explanation())
                .contains("3 invocations that arrived after tight with a lower priority (a later deadline)")
                .contains("It could no longer meet its deadline.");
    }

    @Test
    void shortWaits_areNotExamined_andOneBacklogIsFlaggedOnce() {
        AnomalyDetector det = new AnomalyDetector();
        assertThat(det.add(List.of(mqfq(5, "f", 0.5, 9.9, 0, 0))))
                .as("under the 10 s floor")
                .isEmpty();
        det.set(20, 1);
        assertThat(det.add(List.of(mqfq(6, "g", 0.5, 9.9, 0, 0))))
                .as("under 20 × 0.5 s")
                .isEmpty();
        // two invocations of one backlog (the second arrived before the first was dispatched): one flag
        List<Anomaly> found = det.add(
                List.of(mqfq(30, "h", 0.1, 20, 0, 0), mqfq(31, "h", 0.1, 19, 0, 0), mqfq(60, "h", 0.1, 15, 0, 0)));
        assertThat(found).extracting(a -> a.decision().timeUs()).containsExactly(30_000_000L, 60_000_000L);
    }
}
