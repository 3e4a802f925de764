package gpufaas.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed schedules per policy (ms; reference device speed 1; cold floor 0 so a function with
 * cold == warm starts cold in exactly its warm time; zero footprints so moves take no time unless
 * stated). Baselines run on unified memory without Prefetch+Swap: a function's memory stays on the
 * device while there is room, so a later invocation in an idle container is warm. A GPU-cold start's
 * code starts at dispatch and its kernels wait for the prefetch.
 */
class PolicyScheduleTest {
    static final FunctionSpec A = FunctionSpec.gpu(0, "A", 100, 100, 0);
    static final FunctionSpec B = FunctionSpec.gpu(1, "B", 100, 100, 0);
    static final FunctionSpec B300 = FunctionSpec.gpu(1, "B", 300, 300, 0);
    static final FunctionSpec C1000 = FunctionSpec.gpu(2, "C", 1000, 1000, 0);

    /*
     * MQFQ, D = 1 (longest Active queue, ties to the smaller start tag). A0 starts at once; A1..A4
     * and B5 queue at 0. Tags (svc = 0.1 s): A1 S=.1 ... A4 S=.4; B5 S=max(V=.1, 0)=.1.
     * At 100 A0 ends; A is longest -> A1; then S_A=.2, V=min(.2,.1)=.1, S_A-V=.1.
     */
    private List<String> mqfq(String t, Recorder r) {
        Workload w = Recorder.workload(List.of(A, B), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
        return Recorder.run(Recorder.config("mqfq-sticky", Recorder.ref(16000), 1, "D", 1, "T", t), w, r);
    }

    @Test
    void mqfqSticky_largeT_drainsTheLongestFlowUntilQueuesTie() {
        // T=5: A1 (len 4>1), A2 (3>1), A3 (2>1) back to back; at 400 lengths tie 1:1 and B5's S=.1 < A4's .4.
        assertThat(mqfq("5", new Recorder()))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed", "A#1 100->100->200 warm d0 completed",
                        "A#2 200->200->300 warm d0 completed", "A#3 300->300->400 warm d0 completed",
                        "A#4 500->500->600 warm d0 completed", "B#5 400->400->500 cold d0 completed");
    }

    @Test
    void mqfqSticky_mediumT_throttlesAfterTwoAndServesTheOtherFlow() {
        // T=.15: after A1, S_A-V=.1 <= T: A2 at 200; then S_A=.3, V=.1: .2 > T -> Throttled.
        // B5 at 300; B empties, V=S_A=.3, A Active: A3 at 400, A4 at 500.
        Recorder r = new Recorder();
        assertThat(mqfq("0.15", r))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed", "A#1 100->100->200 warm d0 completed",
                        "A#2 200->200->300 warm d0 completed", "A#3 400->400->500 warm d0 completed",
                        "A#4 500->500->600 warm d0 completed", "B#5 300->300->400 cold d0 completed");
        assertThat(r.states).contains("200ms f0 ACTIVE->THROTTLED", "300ms f0 THROTTLED->ACTIVE");
    }

    @Test
    void mqfqSticky_smallT_throttlesAfterOne() {
        // T=.05: after A1, S_A-V=.1 > T: Throttled; B5 at 200; then V=.2=S_A: A2, A3, A4.
        Recorder r = new Recorder();
        assertThat(mqfq("0.05", r))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed", "A#1 100->100->200 warm d0 completed",
                        "A#2 300->300->400 warm d0 completed", "A#3 400->400->500 warm d0 completed",
                        "A#4 500->500->600 warm d0 completed", "B#5 200->200->300 cold d0 completed");
        assertThat(r.states).contains("100ms f0 ACTIVE->THROTTLED", "200ms f0 THROTTLED->ACTIVE");
    }

    @Test
    void mqfqSticky_ttlKeepsMemoryResidentUntilItExpires() {
        // A' has 1000 MB (100 ms over the 10 GB/s link). A0 cold 0..100. A1 arrives at 1000.
        FunctionSpec a = FunctionSpec.gpu(0, "A", 100, 100, 1000);
        Workload w = Recorder.workload(List.of(a), 0, 0, 1000, 0);
        // ttl 2 s: still Active at 1000 -> warm.
        Recorder longTtl = new Recorder();
        assertThat(Recorder.run(Recorder.config("mqfq-sticky", Recorder.ref(16000), 1, "ttl", "2s"), w, longTtl))
                .containsExactly("A#0 0->0->100 cold d0 completed", "A#1 1000->1000->1100 warm d0 completed");
        // ttl 0.5 s: Inactive at 600, swapped out 600..700; at 1000 Active again -> prefetch 1000..1100, GPU-cold:
        // the code starts at 1000, its kernels wait for the prefetch, then execute 1100..1200.
        Recorder shortTtl = new Recorder();
        assertThat(Recorder.run(Recorder.config("mqfq-sticky", Recorder.ref(16000), 1, "ttl", "0.5s"), w, shortTtl))
                .containsExactly("A#0 0->0->100 cold d0 completed", "A#1 1000->1000->1200 gpu_cold d0 completed");
        assertThat(shortTtl.states).contains("600ms f0 ACTIVE->INACTIVE", "1000ms f0 INACTIVE->ACTIVE");
        // ... and after A1 ends at 1200, Inactive again at 1700: swapped out once more.
        assertThat(shortTtl.moves)
                .containsExactly(
                        "A:DEVICE->MOVING_OUT",
                        "A:MOVING_OUT->HOST",
                        "A:HOST->MOVING_IN",
                        "A:MOVING_IN->DEVICE",
                        "A:DEVICE->MOVING_OUT",
                        "A:MOVING_OUT->HOST");
    }

    @Test
    void mqfqSticky_ttlAsMultipleOfIat_usesObservedMeanInterArrival() {
        // Arrivals 0, 400, 800. After A0 ends at 100 only one arrival is known: no IAT, TTL 0 -> Inactive,
        // swapped out 100..200; A1 is GPU-cold: starts at 400, prefetch 400..500, ends 600. Now IAT = 400.
        // 1.5xIAT = 600 ms: Active until 1200 > 800, so A2 is warm.
        // 0.5xIAT = 200 ms: Inactive at 800 (the TTL event precedes the arrival at the same instant):
        // swap-out 800..900, then A2's prefetch 900..1000 on the same link; A2 starts at 800 and ends 1100.
        FunctionSpec a = FunctionSpec.gpu(0, "A", 100, 100, 1000);
        Workload w = Recorder.workload(List.of(a), 0, 0, 400, 0, 800, 0);
        Recorder r = new Recorder();
        assertThat(Recorder.run(Recorder.config("mqfq-sticky", Recorder.ref(16000), 1, "ttl", "1.5xIAT"), w, r))
                .last()
                .isEqualTo("A#2 800->800->900 warm d0 completed");
        Recorder s = new Recorder();
        assertThat(Recorder.run(Recorder.config("mqfq-sticky", Recorder.ref(16000), 1, "ttl", "0.5xIAT"), w, s))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed",
                        "A#1 400->400->600 gpu_cold d0 completed",
                        "A#2 800->800->1100 gpu_cold d0 completed");
        assertThat(s.states).contains("100ms f0 ACTIVE->INACTIVE", "800ms f0 ACTIVE->INACTIVE");
    }

    @Test
    void batch_takesTheWholeQueueOfTheOldestInvocation() {
        // A0@0 runs alone 0..100. At 100 queues: A[A1@10, A3@30], B[B2@20]; oldest head A1 -> batch
        // [A1, A3] serially in one container: 100..200, 200..300; then B2 300..400 (cold).
        Workload w = Recorder.workload(List.of(A, B), 0, 0, 10, 0, 20, 1, 30, 0);
        assertThat(Recorder.run(Recorder.config("batch", Recorder.ref(16000), 1, "D", 1), w, new Recorder()))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed",
                        "A#1 100->100->200 warm d0 completed",
                        "B#2 300->300->400 cold d0 completed",
                        "A#3 200->200->300 warm d0 completed");
        // FCFS on the same trace serves B2 before A3 (whose memory stayed on the device).
        assertThat(Recorder.run(Recorder.config("fcfs", Recorder.ref(16000), 1, "D", 1), w, new Recorder()))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed",
                        "A#1 100->100->200 warm d0 completed",
                        "B#2 200->200->300 cold d0 completed",
                        "A#3 300->300->400 warm d0 completed");
    }

    @Test
    void sizedBatch_capsTheBatch() {
        // batch_size 1: A1 alone at 100; then the oldest head is B2 (id 2 < A3's 3).
        Workload w = Recorder.workload(List.of(A, B), 0, 0, 10, 0, 20, 1, 30, 0);
        assertThat(Recorder.run(
                        Recorder.config("sized-batch", Recorder.ref(16000), 1, "D", 1, "batch_size", 1),
                        w,
                        new Recorder()))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed",
                        "A#1 100->100->200 warm d0 completed",
                        "B#2 200->200->300 cold d0 completed",
                        "A#3 300->300->400 warm d0 completed");
    }

    @Test
    void paellaSjf_deficitThresholdLetsTheLongFunctionIn() {
        // A0 runs 0..100; queued at 0: B1 (est 300), A2 (est 100), B3, A4. threshold 0.5:
        // 100: deficits 0,0 -> shortest A2; A: -0.5, B: +0.5. 200: B's 0.5 >= 0.5 -> B1 200..500;
        // then deficits A 0, B 0 -> A4 500..600, B3 600..900.
        Workload w = Recorder.workload(List.of(A, B300), 0, 0, 0, 1, 0, 0, 0, 1, 0, 0);
        assertThat(Recorder.run(
                        Recorder.config("paella-sjf", Recorder.ref(16000), 1, "D", 1, "threshold", "0.5"),
                        w,
                        new Recorder()))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed",
                        "B#1 200->200->500 cold d0 completed",
                        "A#2 100->100->200 warm d0 completed",
                        "B#3 600->600->900 warm d0 completed",
                        "A#4 500->500->600 warm d0 completed");
        // threshold 25 (default): pure shortest first: A2, A4, then B1, B3.
        assertThat(Recorder.run(Recorder.config("paella-sjf", Recorder.ref(16000), 1, "D", 1), w, new Recorder()))
                .containsExactly(
                        "A#0 0->0->100 cold d0 completed",
                        "B#1 300->300->600 cold d0 completed",
                        "A#2 100->100->200 warm d0 completed",
                        "B#3 600->600->900 warm d0 completed",
                        "A#4 200->200->300 warm d0 completed");
    }

    @Test
    void sjfAndEedf_differOnOldLongVersusNewShort() {
        // C0 runs 0..1000. B1@0: cold estimate 300 (expected end 300); A2@250: cold estimate 100 (end 350).
        Workload w = Recorder.workload(List.of(A, B300, C1000), 0, 2, 0, 1, 250, 0);
        assertThat(Recorder.run(Recorder.config("sjf", Recorder.ref(16000), 1, "D", 1), w, new Recorder()))
                .containsExactly(
                        "C#0 0->0->1000 cold d0 completed",
                        "B#1 1100->1100->1400 cold d0 completed",
                        "A#2 1000->1000->1100 cold d0 completed");
        assertThat(Recorder.run(Recorder.config("eedf", Recorder.ref(16000), 1, "D", 1), w, new Recorder()))
                .containsExactly(
                        "C#0 0->0->1000 cold d0 completed",
                        "B#1 1000->1000->1300 cold d0 completed",
                        "A#2 1300->1300->1400 cold d0 completed");
    }
}
