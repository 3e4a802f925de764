package gpufaas.views.run;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.policy.FlowState;
import gpufaas.views.TestPlanner;
import gpufaas.views.live.Phase;
import gpufaas.views.live.TimelineSegment;
import gpufaas.views.teaching.BreakpointHit;
import gpufaas.views.teaching.Breakpoints;
import gpufaas.views.transport.Speed;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.Presets;
import gpufaas.workload.experiment.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EngineSessionTest {

    private static LiveSnapshot latest(EngineSession s) throws InterruptedException {
        assertThat(s.await(10, TimeUnit.SECONDS)).isTrue();
        return s.mailbox().latest();
    }

    @Test
    void load_preset_isReadyAtTimeZero() throws Exception {
        try (EngineSession s = new EngineSession(TestPlanner.SIM)) {
            s.send(new EngineCommand.Load(TestPlanner.preset("teaching-3")));
            LiveSnapshot snap = latest(s);
            assertThat(snap.status()).isEqualTo(RunStatus.READY);
            assertThat(snap.timeUs()).isZero();
            assertThat(snap.devices()).hasSize(1);
            assertThat(snap.functionNames()).containsExactly("isoneural", "fft", "imagenet");
        }
    }

    @Test
    void stepEvent_processesExactlyOneEvent() throws Exception {
        try (EngineSession s = new EngineSession(TestPlanner.SIM)) {
            s.send(new EngineCommand.Load(TestPlanner.preset("teaching-3")));
            s.send(new EngineCommand.StepEvent());
            LiveSnapshot a = latest(s);
            s.send(new EngineCommand.StepEvent());
            LiveSnapshot b = latest(s);
            assertThat(a.events()).isEqualTo(1);
            assertThat(b.events()).isEqualTo(2);
            assertThat(b.status()).isEqualTo(RunStatus.PAUSED);
        }
    }

    @Test
    void stepDecision_stopsAfterTheFirstDispatch() throws Exception {
        try (EngineSession s = new EngineSession(TestPlanner.SIM)) {
            s.send(new EngineCommand.Load(TestPlanner.preset("teaching-3")));
            s.send(new EngineCommand.StepDecision());
            LiveSnapshot a = latest(s);
            assertThat(a.dispatches()).isEqualTo(1);
            FrameUpdate u = s.mailbox().drain();
            assertThat(u.decisions()).hasSize(1);
            assertThat(u.decisions().get(0).function())
                    .isEqualTo(a.functionNames().get(u.decisions().get(0).fn()));
        }
    }

    @Test
    void play_atMaxSpeed_runsToTheEndWithASummary() throws Exception {
        try (EngineSession s = new EngineSession(TestPlanner.SIM, Speed.MAX, 0)) {
            s.send(new EngineCommand.Load(TestPlanner.preset("teaching-3")));
            s.send(new EngineCommand.Play());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (s.status() != RunStatus.FINISHED && System.nanoTime() < deadline) Thread.sleep(20);
            LiveSnapshot snap = latest(s);
            assertThat(snap.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(snap.summary()).isNotNull();
            assertThat(snap.summary().counts().completed()).isEqualTo(snap.arrivals());
            assertThat(snap.progress()).isEqualTo(1.0);
        }
    }

    /**
     * Plays {@code plan} at {@code speed} and reads the mailbox as the window's frame timer does (no
     * barrier forcing a post): the last snapshot the window ever gets must be the finished run.
     */
    private static FinishedRun playToTheEnd(RunPlan plan, Speed speed) throws Exception {
        try (EngineSession s = new EngineSession(TestPlanner.SIM, speed, 0)) {
            s.send(new EngineCommand.Load(plan));
            assertThat(s.await(10, TimeUnit.SECONDS)).isTrue();
            s.mailbox().drain();
            long t0 = System.nanoTime();
            long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
            s.send(new EngineCommand.Play());
            LiveSnapshot shown = null;
            long finishedAt = -1;
            while (System.nanoTime() < deadline) {
                Thread.sleep(16);
                FrameUpdate u = s.mailbox().drain();
                if (u != null) shown = u.snapshot();
                if (shown != null && shown.status() == RunStatus.FINISHED) {
                    finishedAt = System.nanoTime();
                    break;
                }
            }
            assertThat(shown).as("a frame arrived at %s", speed.label()).isNotNull();
            assertThat(shown.status())
                    .as("the window shows FINISHED at %s", speed.label())
                    .isEqualTo(RunStatus.FINISHED);
            Thread.sleep(100);
            assertThat(s.mailbox().drain())
                    .as("nothing after the finished frame")
                    .isNull();
            return new FinishedRun(shown, (finishedAt - t0) / 1e9);
        }
    }

    private record FinishedRun(LiveSnapshot last, double wallS) {}

    @Test
    void play_atEverySpeed_theLastFrameShowsTheFinishedRun() throws Exception {
        var base = Presets.spec("teaching-3");
        var shortRun = new ExperimentSpec(
                base.name(),
                base.description(),
                base.seed(),
                4.0,
                base.workload(),
                base.devices(),
                base.policy(),
                base.admission(),
                base.placement(),
                base.params(),
                base.backend());
        RunPlan plan = new TestPlanner().plan(shortRun, null);
        FinishedRun reference = null;
        for (Speed speed : new Speed[] {Speed.of(10), Speed.of(130), Speed.of(1000), Speed.MAX}) {
            FinishedRun r = playToTheEnd(plan, speed);
            assertThat(r.last().summary()).isNotNull();
            assertThat(r.last().progress()).isEqualTo(1.0);
            assertThat(r.last().queued()).isZero();
            assertThat(r.last().inFlight()).isZero();
            assertThat(r.last().completed())
                    .isEqualTo(r.last().arrivals())
                    .isEqualTo(r.last().summary().counts().completed());
            if (reference == null) reference = r;
            assertThat(r.last().events())
                    .as("every event at %s", speed.label())
                    .isEqualTo(reference.last().events());
        }
    }

    @Test
    void play_atMax_finishesSoonerThanAtThousandTimes() throws Exception {
        RunPlan plan = TestPlanner.preset("paper-medium");
        FinishedRun fast = playToTheEnd(plan, Speed.of(1000));
        FinishedRun max = playToTheEnd(plan, Speed.MAX);
        assertThat(max.last().events()).isEqualTo(fast.last().events());
        assertThat(max.wallS()).isLessThan(fast.wallS());
    }

    @Test
    void timeBreakpoint_pausesExactlyThere() throws Exception {
        try (EngineSession s = new EngineSession(TestPlanner.SIM, Speed.MAX, 0)) {
            s.send(new EngineCommand.SetBreakpoints(Breakpoints.NONE.withAtUs(30_000_000)));
            s.send(new EngineCommand.Load(TestPlanner.preset("teaching-3")));
            s.send(new EngineCommand.Play());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (s.status() != RunStatus.PAUSED && System.nanoTime() < deadline) Thread.sleep(10);
            LiveSnapshot snap = latest(s);
            assertThat(snap.status()).isEqualTo(RunStatus.PAUSED);
            assertThat(snap.timeUs()).isEqualTo(30_000_000);
            assertThat(snap.hit().kind()).isEqualTo(BreakpointHit.Kind.TIME);
            assertThat(snap.flows()).isNotEmpty();
        }
    }

    @Test
    void throttleBreakpoint_pausesWhenAFlowTurnsThrottled() throws Exception {
        RunPlan plan = new TestPlanner().plan(withT(Presets.spec("teaching-3"), "0.5"), null);
        try (EngineSession s = new EngineSession(TestPlanner.SIM, Speed.MAX, 0)) {
            s.send(new EngineCommand.SetBreakpoints(new Breakpoints(true, false, false, -1)));
            s.send(new EngineCommand.Load(plan));
            s.send(new EngineCommand.Play());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (s.status() != RunStatus.PAUSED && s.status() != RunStatus.FINISHED && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            LiveSnapshot snap = latest(s);
            assertThat(snap.status()).isEqualTo(RunStatus.PAUSED);
            assertThat(snap.hit().kind()).isEqualTo(BreakpointHit.Kind.THROTTLE);
            assertThat(snap.flows()).anyMatch(f -> f.state() == FlowState.THROTTLED);
            // the message says why, with the numbers: S − V > T
            assertThat(snap.message())
                    .matches(
                            "Breakpoint: \\S+ turned Throttled: its start tag S [0-9.]+ − V [0-9.]+ = [0-9.]+ > T 0\\.50");
            var f = snap.flows().stream()
                    .filter(x -> x.state() == FlowState.THROTTLED)
                    .findFirst()
                    .orElseThrow();
            assertThat(f.startTag() - snap.virtualTime()).isGreaterThan(0.5);
        }
    }

    @Test
    void reset_startsAgainFromZeroWithANewGeneration() throws Exception {
        try (EngineSession s = new EngineSession(TestPlanner.SIM)) {
            s.send(new EngineCommand.Load(TestPlanner.preset("teaching-3")));
            for (int i = 0; i < 20; i++) s.send(new EngineCommand.StepEvent());
            LiveSnapshot a = latest(s);
            s.send(new EngineCommand.Reset());
            LiveSnapshot b = latest(s);
            assertThat(a.events()).isEqualTo(20);
            assertThat(b.events()).isZero();
            assertThat(b.generation()).isGreaterThan(a.generation());
            assertThat(s.mailbox().drain().reset()).isTrue();
        }
    }

    @Test
    void pacedPlay_atTenTimes_advancesAboutTenSimulatedSecondsPerSecond() throws Exception {
        try (EngineSession s = new EngineSession(TestPlanner.SIM, Speed.of(10), 0)) {
            s.send(new EngineCommand.Load(TestPlanner.preset("teaching-3")));
            s.send(new EngineCommand.Play());
            Thread.sleep(500);
            s.send(new EngineCommand.Pause());
            LiveSnapshot snap = latest(s);
            assertThat(snap.timeUs()).isBetween(3_000_000L, 7_000_000L);
            assertThat(snap.status()).isEqualTo(RunStatus.PAUSED);
        }
    }

    @Test
    void badTraceRow_failsTheRunWithTheFileAndLine_andALoadRecovers(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        Path fns = tmp.resolve("funcs.csv");
        Path trace = tmp.resolve("trace.csv");
        Files.writeString(fns, "func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf1,2000,100,1024\n");
        Files.writeString(trace, "func_name,invoke_time_ms\nf1,0\nf1,zero\n");
        var spec = new ExperimentSpec(
                "bad",
                "",
                1L,
                null,
                new WorkloadSpec.Trace(fns.toString(), trace.toString()),
                null,
                null,
                null,
                null,
                null,
                null);
        try (EngineSession s = new EngineSession(TestPlanner.SIM, Speed.MAX, 0)) {
            s.send(new EngineCommand.Load(new TestPlanner().plan(spec, null)));
            s.send(new EngineCommand.Play());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (s.status() != RunStatus.FAILED && System.nanoTime() < deadline) Thread.sleep(10);
            LiveSnapshot snap = latest(s);
            assertThat(snap.status()).isEqualTo(RunStatus.FAILED);
            assertThat(snap.message()).contains("trace.csv").contains("line 3");
            s.send(new EngineCommand.Play());
            s.send(new EngineCommand.StepEvent());
            assertThat(latest(s).status())
                    .as("a failed run stays failed until reloaded")
                    .isEqualTo(RunStatus.FAILED);
            s.send(new EngineCommand.Load(TestPlanner.preset("teaching-3")));
            assertThat(latest(s).status()).isEqualTo(RunStatus.READY);
        }
    }

    @Test
    void utilizationGate_withholdingATokenFromWaitingWork_isATimelineStretchAndOnTheDevice() throws Exception {
        // teaching-3 on one A30 with a 30 % cap: the gate keeps the second token idle for stretches while work waits
        // (at the
        // default 95 % cap NVML-like utilization rarely closes it on this workload)
        RunPlan plan = new TestPlanner().plan(withParam(Presets.spec("teaching-3"), "util", "30"), null);
        try (EngineSession s = new EngineSession(TestPlanner.SIM, Speed.MAX, 0)) {
            s.send(new EngineCommand.SetBreakpoints(Breakpoints.NONE.withAtUs(60_000_000)));
            s.send(new EngineCommand.Load(plan));
            s.send(new EngineCommand.Play());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (s.status() != RunStatus.PAUSED && System.nanoTime() < deadline) Thread.sleep(10);
            LiveSnapshot snap = latest(s);
            List<TimelineSegment> gate = new ArrayList<>();
            FrameUpdate u = s.mailbox().drain();
            for (var seg : u.segments()) if (seg.phase() == Phase.GATE) gate.add(seg);
            assertThat(gate).isNotEmpty();
            assertThat(gate).allSatisfy(g -> {
                assertThat(g.toUs()).isGreaterThan(g.fromUs());
                assertThat(g.lane()).isBetween(0, 1);
                assertThat(g.fn()).isEqualTo(-1);
            });
            var d = snap.devices().get(0);
            assertThat(d.gateLimitPct()).isEqualTo(30);
            assertThat(d.gateEstimatePct()).isNotNaN();
            assertThat(d.gateText()).startsWith("utilization gate: estimate ");
            // decisions carry the gate's reading after their grant
            assertThat(u.decisions()).anyMatch(r -> r.context().gateClosed());
            assertThat(u.decisions())
                    .allMatch(
                            r -> r.context().gateLimitPct() == 30 && r.context().serviceMs() > 0);
        }
    }

    static ExperimentSpec withParam(ExperimentSpec s, String k, String v) {
        Map<String, String> p = new LinkedHashMap<>(s.params());
        p.put(k, v);
        return new ExperimentSpec(
                s.name(),
                s.description(),
                s.seed(),
                s.durationS(),
                s.workload(),
                s.devices(),
                s.policy(),
                s.admission(),
                s.placement(),
                p,
                s.backend());
    }

    static ExperimentSpec withT(ExperimentSpec s, String t) {
        Map<String, String> p = new LinkedHashMap<>(s.params());
        p.put("T", t);
        return new ExperimentSpec(
                s.name(),
                s.description(),
                s.seed(),
                s.durationS(),
                s.workload(),
                s.devices(),
                s.policy(),
                s.admission(),
                s.placement(),
                p,
                s.backend());
    }
}
