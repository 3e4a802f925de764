package gpufaas.views.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.StartType;
import gpufaas.engine.policy.FlowState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionLogTest {

    static DecisionRecord rec(long seq, String fn, StartType st, List<FlowBrief> throttled) {
        return new DecisionRecord(
                seq,
                seq * 1_000_000,
                seq + 100,
                0,
                fn,
                "a30-0",
                st,
                250,
                "mqfq-sticky",
                10,
                5,
                12,
                List.of(new FlowBrief("other", 11, 2, 1, FlowState.ACTIVE)),
                throttled,
                0,
                8000,
                24576,
                1,
                2,
                2);
    }

    @Test
    void search_matchesEveryWordAnywhere() {
        DecisionLog log = new DecisionLog(100);
        log.addAll(List.of(
                rec(1, "fft", StartType.WARM, List.of()),
                rec(2, "imagenet", StartType.COLD, List.of()),
                rec(3, "fft", StartType.GPU_COLD, List.of(new FlowBrief("imagenet", 20, 3, 0, FlowState.THROTTLED)))));
        assertThat(log.search("fft")).extracting(DecisionRecord::seq).containsExactly(1L, 3L);
        assertThat(log.search("cold")).extracting(DecisionRecord::seq).containsExactly(2L, 3L);
        assertThat(log.search("throttled imagenet"))
                .extracting(DecisionRecord::seq)
                .containsExactly(3L);
        assertThat(log.search("#102")).extracting(DecisionRecord::seq).containsExactly(2L);
        assertThat(log.search("  ")).hasSize(3);
    }

    @Test
    void capacity_dropsTheOldest() {
        DecisionLog log = new DecisionLog(3);
        List<DecisionRecord> batch = new ArrayList<>();
        for (int i = 1; i <= 5; i++) batch.add(rec(i, "f", StartType.WARM, List.of()));
        assertThat(log.addAll(batch)).isEqualTo(2);
        assertThat(log.all()).extracting(DecisionRecord::seq).containsExactly(3L, 4L, 5L);
        assertThat(log.dropped()).isEqualTo(2);
    }

    @Test
    void explanation_saysWhyInSentences() {
        DecisionRecord r =
                rec(7, "fft", StartType.GPU_COLD, List.of(new FlowBrief("imagenet", 20, 3, 0, FlowState.THROTTLED)));
        String text = DecisionExplainer.explain(r);
        assertThat(text)
                .contains(
                        "At 7.000 s, mqfq-sticky dispatched invocation #107 of fft to a30-0 after 0.25 s in the queue.")
                .contains("Start: GPU-cold")
                .contains("V = 10.00")
                .contains("S = 12.00")
                .contains("V + T = 15.00")
                .contains("Throttled flows: imagenet (S 20.00, 3 queued, 0 in flight, Throttled)")
                .contains("Other backlogged flows: other (S 11.00, 2 queued, 1 in flight, Active)")
                .contains(
                        "2 of 2 tokens in use; memory 8,000 of 24,576 MB in use; 1 container with memory on the host or on its way there.")
                .contains("its memory was not on the device (it was on the host, or already on its way back)");
        assertThat(DecisionExplainer.summary(r))
                .isEqualTo("GPU-cold (prefetch) · S 12.00 ≤ V+T 15.00 · 1 throttled · 1 backlogged");
    }

    @Test
    void explanation_namesTheUtilizationGate_whenItWithholdsAToken() {
        DecisionRecord base = rec(3, "isoneural", StartType.WARM, List.of());
        DecisionContext closed = new DecisionContext(0, 26, 1, -1, 0, 112, 95, List.of());
        DecisionRecord r = new DecisionRecord(
                base.seq(),
                base.timeUs(),
                base.invocation(),
                base.fn(),
                base.function(),
                base.device(),
                base.startType(),
                base.queueMs(),
                base.policy(),
                base.virtualTime(),
                base.overrun(),
                base.startTag(),
                base.backlogged(),
                base.throttled(),
                0,
                8000,
                24576,
                0,
                1,
                2,
                closed);
        assertThat(DecisionExplainer.explain(r))
                .contains("1 of 2 tokens in use")
                .contains(
                        "Utilization gate: token withheld: the free token waits, utilization estimate 112 % > cap 95 %");
        assertThat(DecisionExplainer.summary(r)).endsWith(" · gate 112 % > 95 %");
        DecisionContext open = new DecisionContext(0, 26, 1, -1, 0, 40, 95, List.of());
        DecisionRecord o = new DecisionRecord(
                base.seq(),
                base.timeUs(),
                base.invocation(),
                base.fn(),
                base.function(),
                base.device(),
                base.startType(),
                base.queueMs(),
                base.policy(),
                base.virtualTime(),
                base.overrun(),
                base.startTag(),
                base.backlogged(),
                base.throttled(),
                0,
                8000,
                24576,
                0,
                1,
                2,
                open);
        assertThat(DecisionExplainer.explain(o))
                .contains("Utilization gate: estimate 40 % ≤ cap 95 % after this grant: open");
    }

    @Test
    void explanation_ofAPolicyWithoutTags() {
        DecisionRecord r = new DecisionRecord(
                1,
                0,
                1,
                0,
                "f",
                "a30-0",
                StartType.COLD,
                0,
                "fcfs",
                Double.NaN,
                Double.NaN,
                Double.NaN,
                List.of(),
                List.of(),
                0,
                0,
                24576,
                0,
                1,
                2);
        assertThat(DecisionExplainer.explain(r))
                .contains("fcfs keeps no virtual-time tags")
                .contains("Throttled flows: none");
        assertThat(DecisionExplainer.summary(r)).isEqualTo("cold start");
    }

    @Test
    void viewModel_filtersAppendsAndExplainsTheSelection() {
        DecisionsViewModel vm = new DecisionsViewModel();
        vm.append(List.of(rec(1, "fft", StartType.WARM, List.of()), rec(2, "lud", StartType.COLD, List.of())), false);
        vm.sync();
        assertThat(vm.visible).hasSize(2);
        vm.query.set("cold");
        assertThat(vm.visible).extracting(DecisionRecord::seq).containsExactly(2L);
        vm.append(List.of(rec(3, "fft", StartType.COLD, List.of()), rec(4, "fft", StartType.WARM, List.of())), false);
        assertThat(vm.visible).as("a hidden tab is not updated").hasSize(1);
        vm.sync();
        assertThat(vm.visible).extracting(DecisionRecord::seq).containsExactly(2L, 3L);
        vm.selected.set(vm.visible.get(1));
        assertThat(vm.explanation.get()).contains("invocation #103 of fft");
        assertThat(vm.status.get()).isEqualTo("2 of 4 decisions");
        vm.append(List.of(), true);
        assertThat(vm.visible).isEmpty();
        assertThat(vm.selected.get()).isNull();
    }

    @Test
    void viewModel_flagsAnomalies_findsThemBySearch_andExplainsThem() {
        DecisionsViewModel vm = new DecisionsViewModel();
        DecisionContext c = new DecisionContext(0, 100, 1, -1, 0, Double.NaN, Double.NaN, List.of());
        DecisionRecord ok = new DecisionRecord(
                1,
                1_000_000,
                101,
                0,
                "fft",
                "a30-0",
                StartType.WARM,
                500,
                "fcfs",
                Double.NaN,
                Double.NaN,
                Double.NaN,
                List.of(),
                List.of(),
                0,
                0,
                24576,
                0,
                1,
                2,
                c);
        DecisionRecord late = new DecisionRecord(
                2,
                30_000_000,
                102,
                1,
                "eos",
                "a30-0",
                StartType.WARM,
                25_000,
                "fcfs",
                Double.NaN,
                Double.NaN,
                Double.NaN,
                List.of(),
                List.of(),
                0,
                0,
                24576,
                0,
                1,
                2,
                c);
        List<Anomaly> found = vm.append(List.of(ok, late), false);
        vm.sync();
        assertThat(found).extracting(Anomaly::kind).containsExactly(Anomaly.Kind.STARVATION);
        assertThat(vm.flags(late)).isEqualTo("⚠ starved");
        assertThat(vm.flags(ok)).isEmpty();
        assertThat(vm.anomalySummary.get()).isEqualTo("1 anomaly: 1 starved");
        vm.query.set("anomaly starved");
        assertThat(vm.visible).containsExactly(late);
        vm.query.set("");
        vm.anomaliesOnly.set(true);
        assertThat(vm.visible).containsExactly(late);
        vm.selected.set(late);
        assertThat(vm.explanation.get()).contains("Anomaly: starvation. eos waited 25.00 s, 250 times");
        // a higher floor: nothing is flagged any more, and the log says so
        assertThat(vm.setThresholds(20, 30)).isEmpty();
        assertThat(vm.visible).isEmpty();
        assertThat(vm.emptyText()).startsWith("No anomaly among the 2 decisions");
        assertThat(vm.explanation.get()).doesNotContain("Anomaly");
    }
}
