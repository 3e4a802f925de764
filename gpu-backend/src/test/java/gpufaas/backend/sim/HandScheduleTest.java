package gpufaas.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Small traces whose schedules were computed by hand (times in ms; reference device of speed 1,
 * 10 GB/s link so 1000 MB moves in 100 ms, no context memory, cold floor 0 unless stated).
 */
class HandScheduleTest {
    static final FunctionSpec A = FunctionSpec.gpu(0, "A", 100, 300, 1000);
    static final FunctionSpec B = FunctionSpec.gpu(1, "B", 200, 500, 1000);

    @Test
    void fcfs_twoFunctionsOneToken_runsInArrivalOrderWithColdThenWarm() {
        // FCFS runs on unified memory without Prefetch+Swap: memory stays where it is while there is room.
        // A0@0 cold: init 200, exec 100 -> 300. B0 waits, cold at 300: init 300, exec 200 -> 800.
        // A1@50 waits; at 800 A's idle container still has its memory on the device: warm, exec -> 900.
        Recorder r = new Recorder();
        Workload w = Recorder.workload(List.of(A, B), 0, 0, 0, 1, 50, 0);
        assertThat(Recorder.run(Recorder.config("fcfs", Recorder.ref(16000), 1, "D", 1), w, r))
                .containsExactly(
                        "A#0 0->200->300 cold d0 completed",
                        "B#1 300->600->800 cold d0 completed",
                        "A#2 800->800->900 warm d0 completed");
        assertThat(r.moves).isEmpty();
    }

    @Test
    void fcfs_memoryShort_driverEvictsIdleMemoryAndTheNextRunPagesItBackIn() {
        // 1500 MB device, 1000 MB footprints (no context memory), link 10 GB/s (100 ms per 1000 MB),
        // demand paging 5 GB/s (200 ms per 1000 MB).
        // A0@0 cold -> 300. B0 cold at 300 needs 1000 MB, 500 free: A's idle memory is evicted to the host
        // (300..400 on the link); B: init 300, exec 200 -> 800.
        // A1 at 800: its memory is on the host and nothing prefetches it: the code starts at 800 and its kernels
        // wait on page faults. B's idle memory is evicted first (800..900), A's faults in behind it on the link
        // (900..1100), then A executes 100 -> 1200.
        Recorder r = new Recorder();
        Workload w = Recorder.workload(List.of(A, B), 0, 0, 0, 1, 50, 0);
        assertThat(Recorder.run(Recorder.config("fcfs", Recorder.ref(1500), 1, "D", 1), w, r))
                .containsExactly(
                        "A#0 0->200->300 cold d0 completed",
                        "B#1 300->600->800 cold d0 completed",
                        "A#2 800->800->1200 gpu_cold d0 completed");
        assertThat(r.moves)
                .containsExactly(
                        "A:DEVICE->MOVING_OUT",
                        "A:MOVING_OUT->HOST",
                        "B:DEVICE->MOVING_OUT",
                        "A:HOST->MOVING_IN",
                        "B:MOVING_OUT->HOST",
                        "A:MOVING_IN->DEVICE");
    }

    @Test
    void fcfs_withPrefetchSwap_prefetchesOverlappingTheStartAndSwapsAfterEachInvocation() {
        // The same policy asked to run with Prefetch+Swap (memory=prefetch+swap): a function with nothing queued
        // or running turns Inactive and its memory leaves. A0@0 cold -> 300, then swap out 300..400 on the link.
        // A1@1000: container on the host -> GPU-cold: the code starts at 1000 while the prefetch runs
        // (1000..1100, 100 ms), then executes 100 -> 1200.
        Recorder r = new Recorder();
        Workload w = Recorder.workload(List.of(A, B), 0, 0, 1000, 0);
        assertThat(Recorder.run(
                        Recorder.config("fcfs", Recorder.ref(16000), 1, "D", 1, "memory", "prefetch+swap"), w, r))
                .containsExactly("A#0 0->200->300 cold d0 completed", "A#1 1000->1000->1200 gpu_cold d0 completed");
    }

    @Test
    void fcfsNaive_everyInvocationIsCold() {
        Recorder r = new Recorder();
        Workload w = Recorder.workload(List.of(A, B), 0, 0, 1000, 0);
        assertThat(Recorder.run(Recorder.config("fcfs-naive", Recorder.ref(16000), 1, "D", 1), w, r))
                .containsExactly("A#0 0->200->300 cold d0 completed", "A#1 1000->1200->1300 cold d0 completed");
        assertThat(r.removals).containsExactly("A removed", "A removed");
    }

    @Test
    void concurrency_twoOnOneDevice_slowEachOtherByTheCurve() {
        // D=2, both warm-less: A0 cold init 200 (0..200), B0 cold init 300 (0..300).
        // A executes alone 200..300 (100 of its 100 work? no: 100 ms of work done by 300 -> ends 300).
        // So A0 ends at 300 exactly when B0 starts executing: B alone 300..500.
        Recorder r = new Recorder();
        Workload w = Recorder.workload(List.of(A, B), 0, 0, 0, 1);
        assertThat(Recorder.run(Recorder.config("fcfs", Recorder.ref(16000), 1, "D", 2), w, r))
                .containsExactly("A#0 0->200->300 cold d0 completed", "B#1 0->300->500 cold d0 completed");
    }

    @Test
    void concurrency_overlappingExecutions_shareByProcessorSharing() {
        // C: warm 100, cold 100 (init 0 with floor 0). Two C invocations at 0 on D=2: two containers,
        // both execute from 0 with k=2: factor 1.28 -> each ends at 128.
        FunctionSpec c = FunctionSpec.gpu(0, "C", 100, 100, 10);
        Recorder r = new Recorder();
        Workload w = Recorder.workload(List.of(c), 0, 0, 0, 0);
        assertThat(Recorder.run(Recorder.config("fcfs", Recorder.ref(16000), 1, "D", 2), w, r))
                .containsExactly("C#0 0->0->128 cold d0 completed", "C#1 0->0->128 cold d0 completed");
    }

    @Test
    void concurrency_staggeredStart_completionTimesFollowRateChanges() {
        // C0 at 0 alone (rate 1) until C1 starts at 50: C0 has 50 left. Both at rate 1/1.28:
        // C0 finishes 50*1.28 = 64 later -> 114. C1 did 64/1.28 = 50 of 100, alone again: 50 -> 164.
        FunctionSpec c = FunctionSpec.gpu(0, "C", 100, 100, 10);
        Recorder r = new Recorder();
        Workload w = Recorder.workload(List.of(c), 0, 0, 50, 0);
        assertThat(Recorder.run(Recorder.config("fcfs", Recorder.ref(16000), 1, "D", 2), w, r))
                .containsExactly("C#0 0->0->114 cold d0 completed", "C#1 50->50->164 cold d0 completed");
    }
}
