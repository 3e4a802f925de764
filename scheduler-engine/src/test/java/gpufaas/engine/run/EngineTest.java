package gpufaas.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.metrics.RunSummary;
import gpufaas.engine.model.ArrayArrivals;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Workload;
import gpufaas.engine.time.TimeSource;
import gpufaas.engine.time.VirtualTimeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine on {@link FixedBackend}: schedules worked out by hand. Times in ms. Unless a test says
 * otherwise: one GPU of 16,000 MB without context memory, the utilization gate off, moves 50 ms,
 * demand paging 100 ms. A runs 100 ms warm and 300 ms cold (a container start of 300 − 100 = 200),
 * B 200 ms warm and 500 ms cold (a start of 300); both have 1,000 MB footprints. A row reads
 * "name#id dispatch->start->end start-type device outcome".
 */
class EngineTest {
    static final FunctionSpec A = FunctionSpec.gpu(0, "A", 100, 300, 1000);
    static final FunctionSpec B = FunctionSpec.gpu(1, "B", 200, 500, 1000);

    @Test
    void run_fcfsOneToken_runsInArrivalOrderColdThenWarm() {
        // D=1. A#0@0 takes the token: container start 0..200, executes 200..300.
        // B#1@0 and A#2@50 queue. At 300 the token is free: B#1 (first in) has no container: start
        // 300..600, executes 600..800. At 800 A#2 finds A's idle container with its memory still on the
        // device (fcfs runs on unified memory, nothing is moved while there is room): warm, 800..900.
        Run r = run(config("fcfs", null, 1, profile(16_000, 0), "D", 1), at(A, 0), at(B, 0), at(A, 50));
        assertThat(r.schedule())
                .containsExactly(
                        "A#0 0->200->300 cold d0 completed",
                        "B#1 300->600->800 cold d0 completed",
                        "A#2 800->800->900 warm d0 completed");
        assertThat(r.backend.calls)
                .containsExactly(
                        "0 create A#0", "200 execute A#0", "300 create B#1", "600 execute B#1", "800 execute A#2");
        // one token: exactly one invocation holds it at each dispatch
        assertThat(r.inFlightAtDispatch).containsExactly(1, 1, 1);
        assertThat(r.moves).isEmpty();
        RunSummary s = r.result.summary();
        assertThat(r.result.complete()).isTrue();
        assertThat(List.of(
                        s.counts().invocations(),
                        s.counts().completed(),
                        s.starts().coldStarts(),
                        s.starts().warmStarts()))
                .containsExactly(3L, 3L, 2L, 1L);
    }

    @Test
    void run_fcfsTwoTokens_runsTwoAtOnceAndReusesTheFirstFreedContainer() {
        // D=2. A#0@0 and B#1@0 both dispatch at 0 (tokens 1, then 2): A starts 0..200, runs 200..300;
        // B starts 0..300, runs 300..500. A#2@50 waits: both tokens are held.
        // At 300 two events are due; they run in the order they were scheduled: B's container-ready
        // (scheduled at 0) before A#0's end (scheduled at 200). So B executes first, then A#0 ends, and
        // A#2 takes the freed token with A's idle container: warm, 300..400 (the fixed backend does not
        // slow concurrent executions).
        Run r = run(config("fcfs", null, 1, profile(16_000, 0), "D", 2), at(A, 0), at(B, 0), at(A, 50));
        assertThat(r.schedule())
                .containsExactly(
                        "A#0 0->200->300 cold d0 completed",
                        "B#1 0->300->500 cold d0 completed",
                        "A#2 300->300->400 warm d0 completed");
        assertThat(r.backend.calls)
                .containsExactly(
                        "0 create A#0", "0 create B#1", "200 execute A#0", "300 execute B#1", "300 execute A#2");
        // tokens held right after each dispatch: 1, 2, and 2 again (B#1 still runs beside A#2)
        assertThat(r.inFlightAtDispatch).containsExactly(1, 2, 2);
        assertThat(r.maxInFlight).isEqualTo(2);
    }

    @Test
    void run_prefetchSwap_swapsOutAfterTheRunAndStartsGpuColdWhileThePrefetchRuns() {
        // fcfs with memory=prefetch+swap: a function none of whose invocations runs turns Inactive and its
        // idle memory is swapped out. A#0@0: start 0..200, runs 200..300; at 300 swap-out 300..350.
        // A#1@1000: A's container is idle with its memory on the host: GPU-cold. Its code starts at 1000
        // while the prefetch runs (1000..1050); it then executes its 100 ms: ends at 1150, and is swapped
        // out again 1150..1200.
        Run r = run(
                config("fcfs", null, 1, profile(16_000, 0), "D", 1, "memory", "prefetch+swap"), at(A, 0), at(A, 1000));
        assertThat(r.schedule())
                .containsExactly("A#0 0->200->300 cold d0 completed", "A#1 1000->1000->1150 gpu_cold d0 completed");
        assertThat(r.moves)
                .containsExactly(
                        "300 A DEVICE->MOVING_OUT", "350 A MOVING_OUT->HOST",
                        "1000 A HOST->MOVING_IN", "1050 A MOVING_IN->DEVICE",
                        "1150 A DEVICE->MOVING_OUT", "1200 A MOVING_OUT->HOST");
        assertThat(r.backend.calls)
                .containsExactly(
                        "0 create A#0",
                        "200 execute A#0",
                        "300 swap-out A",
                        "1000 prefetch A",
                        "1050 execute A#1",
                        "1150 swap-out A");
        assertThat(r.result.summary().starts().gpuColdStarts()).isEqualTo(1);
    }

    @Test
    void run_unifiedMemoryShort_evictsIdleMemoryAndPagesItBackIn() {
        // 1,500 MB GPU, two 1,000 MB footprints, fcfs on unified memory (demand paging), D=1.
        // A#0@0: start 0..200, runs 200..300. B#1@0 at 300: 1,000 MB needed, 500 free: A's idle memory is
        // swapped out (300..350) and B's container starts 300..600, runs 600..800.
        // A#2@50 at 800: A's memory is on the host and nothing prefetches it: GPU-cold, the code starts at
        // 800 and faults its memory in; B's idle memory leaves first (800..850) to make room; the fault-in
        // takes 100 (800..900); then A executes 100: ends at 1000.
        Run r = run(config("fcfs", null, 1, profile(1500, 0), "D", 1), at(A, 0), at(B, 0), at(A, 50));
        assertThat(r.schedule())
                .containsExactly(
                        "A#0 0->200->300 cold d0 completed",
                        "B#1 300->600->800 cold d0 completed",
                        "A#2 800->800->1000 gpu_cold d0 completed");
        assertThat(r.backend.calls)
                .containsExactly(
                        "0 create A#0",
                        "200 execute A#0",
                        "300 swap-out A",
                        "300 create B#1",
                        "600 execute B#1",
                        "800 swap-out B",
                        "800 fault-in A",
                        "900 execute A#2");
        assertThat(r.result.summary().devices().swapsOut()).isEqualTo(2);
    }

    @Test
    void run_withoutWarmPool_everyInvocationIsColdAndItsContainerRemoved() {
        // fcfs-naive keeps no containers: A#0@0 starts 0..200, runs 200..300, its container is destroyed at
        // 300; A#1@1000 starts again 1000..1200, runs 1200..1300, destroyed at 1300.
        Run r = run(config("fcfs-naive", null, 1, profile(16_000, 0), "D", 1), at(A, 0), at(A, 1000));
        assertThat(r.schedule())
                .containsExactly("A#0 0->200->300 cold d0 completed", "A#1 1000->1200->1300 cold d0 completed");
        assertThat(r.backend.calls)
                .containsExactly(
                        "0 create A#0",
                        "200 execute A#0",
                        "300 destroy A",
                        "1000 create A#1",
                        "1200 execute A#1",
                        "1300 destroy A");
        assertThat(r.result.summary().starts().coldStarts()).isEqualTo(2);
    }

    @Test
    void run_twoGpus_bindsToTheGpuHoldingAWarmContainer() {
        // Two GPUs, D=1 each. A#0@0 is offered the lowest-loaded, lowest-index GPU: d0 (cold, ends 300).
        // B#1@0 gets d1, the only one with a free token (cold: 0..300..500).
        // B#2@1000: both GPUs are idle, d0 is offered (lowest index), but d1 holds B's idle container with
        // its memory on the device: late binding moves it there, a warm start 1000..1200 on d1 instead
        // of a cold one on d0.
        Run r = run(config("fcfs", null, 2, profile(16_000, 0), "D", 1), at(A, 0), at(B, 0), at(B, 1000));
        assertThat(r.schedule())
                .containsExactly(
                        "A#0 0->200->300 cold d0 completed",
                        "B#1 0->300->500 cold d1 completed",
                        "B#2 1000->1000->1200 warm d1 completed");
    }

    @Test
    void run_queueCap_rejectsTheArrivalThatFindsTheQueueFull() {
        // admission queue-cap with max_queued=1, D=1, three arrivals of A at 0.
        // A#0: nothing queued, admitted and dispatched at once (cold, ends 300). A#1: 0 queued < 1, admitted,
        // waits. A#2: 1 queued >= 1: rejected at 0 with its reason. A#1 runs warm at 300..400.
        Run r = run(
                config("fcfs", "queue-cap", 1, profile(16_000, 0), "D", 1, "max_queued", 1),
                at(A, 0),
                at(A, 0),
                at(A, 0));
        assertThat(r.schedule())
                .containsExactly(
                        "A#0 0->200->300 cold d0 completed",
                        "A#1 300->300->400 warm d0 completed",
                        "A#2 -->-->0 - d-1 rejected");
        assertThat(r.reasons).containsEntry(2L, "queue cap: 1 invocations queued (cap 1)");
        RunSummary s = r.result.summary();
        // conservation: 3 arrived = 2 completed + 1 rejected
        RunSummary.Counts n = s.counts();
        assertThat(List.of(n.invocations(), n.completed(), n.rejected(), n.dropped(), n.failed()))
                .containsExactly(3L, 2L, 1L, 0L, 0L);
        assertThat(r.result.complete()).isTrue();
    }

    @Test
    void abort_midRun_failsParkedInvocationsCountsTheRestAsNotArrivedAndLetsTheRunningOneFinish() {
        // admission defer (low water 50 % of the GPU tokens), D=1, arrivals of A at 0, 10, 20, 5000, 6000.
        // A#0@0: occupancy 0 -> admitted, dispatched (cold, 0..200..300); occupancy is now 1/1.
        // A#1@10 and A#2@20 have no SLO (loose) and occupancy 1 > 0.5: parked.
        // The run is aborted at 100: the arrivals at 5000 and 6000 never arrive (2 not run), the two parked
        // invocations end as failed at 100, and A#0, already running, completes at 300.
        FixedBackend backend = new FixedBackend(50, 100);
        Recording rec = new Recording();
        Workload w = workload(at(A, 0), at(A, 10), at(A, 20), at(A, 5000), at(A, 6000));
        Engine e = new Engine(
                config("fcfs", "defer", 1, profile(16_000, 0), "D", 1), w, backend, new VirtualTimeSource(), rec, null);
        rec.clock = e.time();
        e.time().schedule(100_000, now -> e.abort("test stop"));
        RunResult result = drive(e, rec);
        assertThat(rec.schedule())
                .containsExactly(
                        "A#0 0->200->300 cold d0 completed",
                        "A#1 -->-->100 - d-1 failed",
                        "A#2 -->-->100 - d-1 failed");
        assertThat(rec.reasons).containsEntry(1L, "not run: test stop").containsEntry(2L, "not run: test stop");
        assertThat(rec.arrivals).isEqualTo(3);
        assertThat(result.complete()).isFalse();
        assertThat(result.incompleteReason())
                .isEqualTo("aborted at 0.100 s: test stop; 2 arrivals of the workload were not run");
        RunSummary s = result.summary();
        RunSummary.Counts n = s.counts();
        assertThat(List.of(n.invocations(), n.completed(), n.failed(), n.unfinished()))
                .containsExactly(3L, 1L, 2L, 0L);
        assertThat(e.abortReason()).isEqualTo("test stop");
    }

    @Test
    void abort_beforeAnyArrival_runsNothing() {
        // aborted at 0 before the first arrival is taken (scheduled events at a time run before arrivals at
        // that time): all three arrivals count as not run, nothing ends.
        FixedBackend backend = new FixedBackend(50, 100);
        Recording rec = new Recording();
        Engine e = new Engine(
                config("fcfs", null, 1, profile(16_000, 0), "D", 1),
                workload(at(A, 0), at(A, 0), at(B, 5)),
                backend,
                new VirtualTimeSource(),
                rec,
                null);
        rec.clock = e.time();
        e.time().schedule(0, now -> e.abort("stopped"));
        RunResult result = drive(e, rec);
        assertThat(rec.finished).isEmpty();
        assertThat(backend.calls).isEmpty();
        assertThat(result.incompleteReason())
                .isEqualTo("aborted at 0.000 s: stopped; 3 arrivals of the workload were not run");
    }

    @Test
    void run_manyArrivals_keepsTheInvariantsAfterEveryStep() {
        // 60 arrivals of three functions, 2 ms apart, on two GPUs with D=2 under mqfq-sticky (Prefetch+Swap):
        // after every event arrived = ended + in flight + queued + parked, no device holds more than
        // D tokens; at the end all 60 completed and every token is back.
        FunctionSpec c = FunctionSpec.gpu(2, "C", 30, 80, 500);
        List<Arrival> as = new ArrayList<>();
        for (int i = 0; i < 60; i++) as.add(at(List.of(A, B, c).get(i % 3), i * 2));
        Run r = run(config("mqfq-sticky", null, 2, profile(2500, 100), "D", 2), as.toArray(Arrival[]::new));
        assertThat(r.result.summary().counts().completed()).isEqualTo(60);
        assertThat(r.maxInFlight).isEqualTo(2);
        for (Device d : r.engine.devices()) assertThat(d.inFlight()).isZero();
    }

    // ------------------------------------------------------------------ helpers

    /** An arrival of {@code f} at {@code ms}. */
    record Arrival(FunctionSpec f, double ms) {}

    static Arrival at(FunctionSpec f, double ms) {
        return new Arrival(f, ms);
    }

    /** The result of a run with what the listener and the backend saw. */
    record Run(
            Engine engine,
            RunResult result,
            FixedBackend backend,
            Recording rec,
            List<Integer> inFlightAtDispatch,
            int maxInFlight,
            List<String> moves,
            Map<Long, String> reasons) {
        List<String> schedule() {
            return rec.schedule();
        }
    }

    /** A GPU profile of {@code memoryMb} with {@code contextMb} per container, speed 1 and no MIG. */
    static DeviceProfile profile(double memoryMb, double contextMb) {
        return DeviceProfile.builder("test")
                .description("test device")
                .memoryMb(memoryMb)
                .sms(80)
                .linkGBps(10.0)
                .faultGBps(5.0)
                .speed(1.0)
                .contextMemMb(contextMb)
                .slowdown(1, 1.28, 1.58)
                .mpsSlowdown(1, 1.12, 1.3)
                .mpsSmSensitivity(0.5)
                .uvmOversubscribedFactor(1.4)
                .utilSampleMs(200)
                .pricePerSecond(0.001)
                .build();
    }

    static EngineConfig config(String policy, String admission, int gpus, DeviceProfile p, Object... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("util", "0");
        params.put("cold_floor_ms", "0");
        for (int i = 0; i < kv.length; i += 2) params.put(kv[i].toString(), kv[i + 1].toString());
        return EngineConfig.resolve(policy, admission, null, params, new GpuSetup(p, gpus, null, false, 0), 1, "test");
    }

    static Workload workload(Arrival... as) {
        List<FunctionSpec> fns = new ArrayList<>();
        for (Arrival a : as) if (!fns.contains(a.f())) fns.add(a.f());
        fns.sort(Comparator.comparingInt(FunctionSpec::id));
        // ids must be dense: add the functions below the highest id that have no arrival
        List<FunctionSpec> all = new ArrayList<>(List.of(A, B));
        for (FunctionSpec f : fns) if (f.id() >= all.size()) all.add(f);
        double[] pairs = new double[as.length * 2];
        for (int i = 0; i < as.length; i++) {
            pairs[2 * i] = as[i].ms();
            pairs[2 * i + 1] = as[i].f().id();
        }
        return new Workload("test", all, () -> ArrayArrivals.ofMs(pairs));
    }

    static Run run(EngineConfig cfg, Arrival... as) {
        FixedBackend backend = new FixedBackend(50, 100);
        Recording rec = new Recording();
        Engine e = new Engine(cfg, workload(as), backend, new VirtualTimeSource(), rec, null);
        rec.clock = e.time();
        RunResult result = drive(e, rec);
        return new Run(e, result, backend, rec, rec.inFlightAtDispatch, rec.maxInFlight, rec.moves, rec.reasons);
    }

    /** Steps the engine to the end, checking the invariants and the tokens after every step. */
    static RunResult drive(Engine e, Recording rec) {
        while (e.step()) {
            e.checkInvariants();
            for (Device d : e.devices()) {
                assertThat(d.inFlight()).isBetween(0, d.dMax());
                rec.maxInFlight = Math.max(rec.maxInFlight, d.inFlight());
            }
        }
        return e.run();
    }

    /** Records every ended invocation, every dispatch's token count and every memory move. */
    static final class Recording implements EngineListener {
        final List<Invocation> finished = new ArrayList<>();
        final List<Integer> inFlightAtDispatch = new ArrayList<>();
        final List<String> moves = new ArrayList<>();
        final Map<Long, String> reasons = new LinkedHashMap<>();
        int arrivals;
        int maxInFlight;
        /** the engine's clock (moves happen between invocation events) */
        TimeSource clock;

        @Override
        public void arrived(Invocation inv) {
            arrivals++;
        }

        @Override
        public void dispatched(Invocation inv, Device d) {
            inFlightAtDispatch.add(d.inFlight());
        }

        @Override
        public void finished(Invocation inv) {
            finished.add(inv);
            if (inv.reason != null) reasons.put(inv.id, inv.reason);
        }

        @Override
        public void memoryMoved(Container c, MemoryLocation from, MemoryLocation to) {
            moves.add(FixedBackend.ms(clock.nowUs()) + " " + c.function.name() + " " + from + "->" + to);
        }

        List<String> schedule() {
            List<Invocation> l = new ArrayList<>(finished);
            l.sort(Comparator.comparingLong(i -> i.id));
            List<String> out = new ArrayList<>();
            for (Invocation i : l) {
                out.add(i.function.name() + "#" + i.id + " " + FixedBackend.ms(i.dispatchUs) + "->"
                        + FixedBackend.ms(i.startUs)
                        + "->" + FixedBackend.ms(i.endUs) + " " + (i.startType == null ? "-" : i.startType.label())
                        + " d" + i.device + " " + i.outcome.label());
            }
            return out;
        }
    }
}
