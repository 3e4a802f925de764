package gpufaas.views.run;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.metrics.RunSummary;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Workload;
import gpufaas.engine.policy.FlowView;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.policy.PolicySnapshot;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.TimeSeriesSink;
import gpufaas.engine.time.WallClockTimeSource;
import gpufaas.views.decisions.DecisionExplainer;
import gpufaas.views.decisions.DecisionRecord;
import gpufaas.views.latency.LatencyCurves;
import gpufaas.views.live.ContainerBlock;
import gpufaas.views.live.DeviceState;
import gpufaas.views.live.FlowRow;
import gpufaas.views.live.TimelineMarker;
import gpufaas.views.live.TimelineSegment;
import gpufaas.views.teaching.BreakpointHit;
import gpufaas.views.teaching.Breakpoints;
import gpufaas.views.transport.PacingClock;
import gpufaas.views.transport.Speed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The live run's one engine thread. Commands (load, play, pause, step, speed, breakpoints, reset)
 * arrive through a queue; while playing, the thread lets the engine take each event when the
 * pacing clock says its simulated time is due (or at once at max speed), in slices of at most
 * {@link #SLICE_NANOS} so commands are never kept waiting, and posts a snapshot to the
 * {@link SnapshotMailbox} at most every {@link #PUBLISH_NANOS}. The FX thread never touches the
 * engine: everything it sees was copied here.
 */
public final class EngineSession implements AutoCloseable {
    static final long SLICE_NANOS = 6_000_000;
    static final long PUBLISH_NANOS = 15_000_000;
    static final long LATENCY_NANOS = 250_000_000;
    /** Most events "step one decision" takes before it gives up looking for a dispatch. */
    static final int MAX_EVENTS_PER_DECISION_STEP = 1_000_000;
    /** Most containers per device copied into a snapshot. */
    static final int MAX_BLOCKS = 4096;

    private final EngineFactory factory;
    private final BlockingQueue<EngineCommand> commands = new LinkedBlockingQueue<>();
    private final SnapshotMailbox mailbox = new SnapshotMailbox();
    private final Thread thread;
    private volatile RunStatus status = RunStatus.EMPTY;

    // engine thread only
    private final PacingClock pacing;
    private RunPlan plan;
    private Engine engine;
    private LiveTap tap;
    private PeekingArrivals arrivals;
    private Breakpoints breakpoints = Breakpoints.NONE;
    private long generation;
    private long displayUs;
    private String message = "";
    private BreakpointHit hit;
    private RunSummary summary;
    private long lastPublish;
    private long lastLatency;
    private long latencyVersion = -1;
    private boolean forcePublish;
    /** the loaded plan runs on a live backend (Docker, CUDA) on the wall clock */
    private boolean live;

    /**
     * @param maxEventsPerSecond cap on engine events per wall second while playing (0: none);
     *                           the responsiveness harness drives the views with it
     */
    public EngineSession(EngineFactory factory, Speed initialSpeed, double maxEventsPerSecond) {
        this.factory = factory;
        this.pacing = new PacingClock(initialSpeed, maxEventsPerSecond);
        this.thread = new Thread(this::loop, "engine");
        thread.setDaemon(true);
        thread.start();
    }

    public EngineSession(EngineFactory factory) {
        this(factory, Speed.of(10), 0);
    }

    public void send(EngineCommand c) {
        commands.add(c);
    }

    public SnapshotMailbox mailbox() {
        return mailbox;
    }

    public RunStatus status() {
        return status;
    }

    /** Waits until every command sent so far is handled and its snapshot posted; false on timeout. */
    public boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        CountDownLatch l = new CountDownLatch(1);
        send(new EngineCommand.Barrier(l));
        return l.await(timeout, unit);
    }

    @Override
    public void close() {
        send(new EngineCommand.Shutdown());
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ the loop

    private void loop() {
        try {
            while (true) {
                EngineCommand c = status == RunStatus.PLAYING ? commands.poll() : commands.take();
                while (c != null) {
                    if (!handle(c)) return;
                    c = commands.poll();
                }
                if (status == RunStatus.PLAYING) {
                    long wait = advance();
                    // a run that stopped playing (finished, failed, paused on a breakpoint) always shows its last
                    // state: the thread now waits for commands and would not publish again
                    publish(forcePublish || status != RunStatus.PLAYING);
                    if (wait > 0 && status == RunStatus.PLAYING) {
                        c = commands.poll(Math.min(wait, PUBLISH_NANOS), TimeUnit.NANOSECONDS);
                        if (c != null && !handle(c)) return;
                        if (c != null) publish(forcePublish);
                    }
                } else if (forcePublish) {
                    publish(true);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Handles one command; false to end the thread. */
    private boolean handle(EngineCommand c) {
        switch (c) {
            case EngineCommand.Load l -> load(l.plan());
            case EngineCommand.Reset r -> {
                if (plan != null) load(plan);
            }
            case EngineCommand.Pause p when live -> liveOnly();
            case EngineCommand.StepEvent s when live -> liveOnly();
            case EngineCommand.StepDecision s when live -> liveOnly();
            case EngineCommand.SetSpeed s when live -> liveOnly();
            case EngineCommand.Play p -> {
                if (live
                        && engine != null
                        && status == RunStatus.READY
                        && engine.time() instanceof WallClockTimeSource w) {
                    w.restart(); // the live run's time zero is when it starts playing, not when it was loaded
                }
                if (engine != null && (status == RunStatus.READY || status == RunStatus.PAUSED)) {
                    status = RunStatus.PLAYING;
                    hit = null;
                    message = "";
                    pacing.anchor(System.nanoTime(), displayUs);
                }
            }
            case EngineCommand.Pause p -> {
                if (status == RunStatus.PLAYING) status = RunStatus.PAUSED;
            }
            case EngineCommand.StepEvent s -> stepEvent();
            case EngineCommand.StepDecision s -> stepDecision();
            case EngineCommand.SetSpeed s -> pacing.setSpeed(s.speed(), System.nanoTime(), displayUs);
            case EngineCommand.SetBreakpoints b -> {
                breakpoints = b.breakpoints();
                if (tap != null) tap.setBreakpoints(breakpoints);
            }
            case EngineCommand.Barrier b -> {
                publish(true);
                b.latch().countDown();
                return true;
            }
            case EngineCommand.Shutdown s -> {
                closeEngine();
                return false;
            }
        }
        forcePublish = true;
        return true;
    }

    /** A live run plays in real time: it cannot pause, step or change speed. */
    private void liveOnly() {
        message = "a live run on " + plan.spec().backend() + " plays in real time: pause, step and speed do not apply"
                + " (Reset stops it and removes what it started)";
    }

    /** Stops (a live run: aborts) and releases the current engine. */
    private void closeEngine() {
        Engine e = engine;
        engine = null;
        if (e == null || !live) return;
        try {
            if (!e.isFinished()) e.abort("stopped from the window");
            e.close();
        } catch (RuntimeException ex) {
            message = "closing the " + plan.spec().backend() + " backend: " + ex.getMessage();
        }
    }

    private void load(RunPlan p) {
        closeEngine();
        plan = p;
        generation++;
        summary = null;
        hit = null;
        displayUs = 0;
        latencyVersion = -1;
        message = String.join("; ", p.notes());
        List<String> names = new ArrayList<>();
        for (FunctionSpec f : p.workload().functions()) names.add(f.name());
        tap = new LiveTap(p.workload().functions(), p.deviceNames());
        tap.setBreakpoints(breakpoints);
        Workload w = p.workload();
        PeekingArrivals[] holder = new PeekingArrivals[1];
        Workload peeking = new Workload(w.name(), w.functions(), () -> {
            holder[0] = new PeekingArrivals(w.arrivals().get());
            return holder[0];
        });
        live = !p.spec().backend().equalsIgnoreCase("sim");
        try {
            engine = live
                    ? factory.createLive(p, peeking, tap)
                    : factory.create(p.config(), peeking, tap, TimeSeriesSink.NONE);
            if (live) {
                message = (message.isEmpty() ? "" : message + "; ") + "live run on "
                        + p.spec().backend() + ": it plays in real time once started; Reset stops it";
            }
            arrivals = holder[0];
            tap.attach(engine);
            status = RunStatus.READY;
            if (!live) {
                String loadedNote = String.format(
                        Locale.ROOT,
                        "Loaded %s under %s: %d function%s on %s. Press Play, or step one " + "event or decision.",
                        p.spec().name(),
                        p.label(),
                        names.size(),
                        names.size() == 1 ? "" : "s",
                        devicesText(p.deviceNames()));
                message = message.isEmpty() ? loadedNote : loadedNote + " " + message;
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** "a30-0", "a30-0 and a30-1", "8 devices (a30-0-mig0 …)". */
    static String devicesText(List<String> names) {
        if (names.isEmpty()) return "no devices";
        if (names.size() == 1) return names.get(0);
        if (names.size() == 2) return names.get(0) + " and " + names.get(1);
        return names.size() + " devices (" + names.get(0) + " … " + names.get(names.size() - 1) + ")";
    }

    private void fail(RuntimeException e) {
        closeEngine();
        status = RunStatus.FAILED;
        forcePublish = true;
        message = e instanceof BadInputException
                ? e.getMessage()
                : "internal error: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Time of the engine's next event, or Long.MAX_VALUE when none is scheduled. */
    private long nextEventUs() {
        return Math.min(engine.time().peekNextUs(), arrivals == null ? Long.MAX_VALUE : arrivals.pendingUs());
    }

    /** One engine event; false when the run is over (finished or failed). */
    private boolean step() {
        try {
            boolean more = engine.step();
            tap.afterEvent();
            displayUs = Math.max(displayUs, engine.timeUs());
            if (!more || engine.isFinished()) {
                finish();
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            fail(e);
            return false;
        }
    }

    private void finish() {
        try {
            summary = engine.run().summary();
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        status = RunStatus.FINISHED;
        forcePublish = true;
        displayUs = engine.timeUs();
        if (live) {
            String incomplete = engine.result() != null && !engine.result().complete()
                    ? engine.result().incompleteReason()
                    : null;
            try {
                engine.close();
            } catch (RuntimeException e) {
                message = "closing the " + plan.spec().backend() + " backend: " + e.getMessage();
            }
            if (incomplete != null) message = "the run did not complete: " + incomplete;
        }
    }

    /** Runs the events that are due; returns wall nanoseconds to wait before the next is due (0: go on). */
    private long advance() {
        if (live) return advanceLive();
        long now = System.nanoTime();
        long target = pacing.targetUs(now);
        long at = breakpoints.atUs();
        if (at >= 0 && at >= displayUs) target = Math.min(target, at);
        long deadline = now + SLICE_NANOS;
        int n = 0;
        while (true) {
            if (engine.isFinished()) {
                finish();
                return 0;
            }
            long next = nextEventUs();
            if (next == Long.MAX_VALUE) {
                step();
                return 0;
            }
            if (next > target) {
                if (at >= 0 && target == at) {
                    displayUs = Math.max(displayUs, at);
                    breakpoints = breakpoints.withAtUs(-1);
                    tap.setBreakpoints(breakpoints);
                    pauseOn(new BreakpointHit(
                            BreakpointHit.Kind.TIME,
                            at,
                            "reached " + String.format(Locale.ROOT, "%.3f", at / 1e6) + " s"));
                    return 0;
                }
                if (target != Long.MAX_VALUE) displayUs = Math.max(displayUs, target);
                return Math.max(100_000, pacing.nanosUntil(next, now));
            }
            if (!pacing.mayRunEvent(now)) return Math.max(50_000, pacing.nanosUntilNextEvent(now));
            if (!step()) return 0;
            pacing.eventRun();
            BreakpointHit h = tap.takeHit();
            if (h != null) {
                pauseOn(h);
                return 0;
            }
            if ((++n & 15) == 0) {
                now = System.nanoTime();
                if (now > deadline) {
                    pacing.keepUp(now, engine.timeUs());
                    return 0;
                }
            }
        }
    }

    /**
     * A live run: processes what is due on the wall clock for at most one slice (a step waits at
     * most 50 ms for a live backend's report), then lets commands and snapshots in.
     */
    private long advanceLive() {
        long deadline = System.nanoTime() + SLICE_NANOS;
        while (System.nanoTime() < deadline) {
            if (engine.isFinished()) {
                finish();
                return 0;
            }
            long next = nextEventUs();
            long now = engine.timeUs();
            if (next != Long.MAX_VALUE && next > now) return Math.min(PUBLISH_NANOS, (next - now) * 1000);
            if (!step()) return 0;
            displayUs = Math.max(displayUs, engine.timeUs());
            tap.takeHit(); // breakpoints cannot pause the real thing
        }
        return 0;
    }

    private void pauseOn(BreakpointHit h) {
        status = RunStatus.PAUSED;
        hit = h;
        message = "Breakpoint: " + h.description();
        forcePublish = true;
    }

    private void stepEvent() {
        if (!canStep()) return;
        status = RunStatus.PAUSED;
        hit = null;
        message = "";
        if (step()) {
            tap.takeHit();
            message = String.format(
                    Locale.ROOT, "Stepped one event: %,d so far, at %.3f s.", engine.events(), engine.timeUs() / 1e6);
        }
    }

    private void stepDecision() {
        if (!canStep()) return;
        status = RunStatus.PAUSED;
        hit = null;
        message = "";
        long before = tap.dispatches();
        for (int i = 0; i < MAX_EVENTS_PER_DECISION_STEP; i++) {
            if (!step()) return;
            tap.takeHit();
            if (tap.dispatches() > before) {
                DecisionRecord d = tap.lastDecision();
                message = d == null
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "Stepped to decision #%d at %s s: %s to %s (%s)%s. " + "The Decisions tab says why.",
                                d.seq(),
                                DecisionExplainer.seconds(d.timeUs()),
                                d.function(),
                                d.device(),
                                DecisionExplainer.startLabel(d.startType()),
                                tap.dispatches() - before > 1
                                        ? " and " + (tap.dispatches() - before - 1) + " more in the same event"
                                        : "");
                return;
            }
        }
        message = "no dispatch decision within " + MAX_EVENTS_PER_DECISION_STEP + " events";
    }

    private boolean canStep() {
        return engine != null
                && (status == RunStatus.READY || status == RunStatus.PAUSED || status == RunStatus.PLAYING);
    }

    // ------------------------------------------------------------------ snapshots

    private void publish(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastPublish < PUBLISH_NANOS) return;
        lastPublish = now;
        forcePublish = false;
        if (plan == null) {
            mailbox.post(withStatus(), List.of(), List.of(), List.of());
            return;
        }
        LatencyCurves curves = null;
        if (tap != null
                && (force || now - lastLatency >= LATENCY_NANOS)
                && tap.latency().version() != latencyVersion) {
            curves = tap.latency().curves(plan.label());
            latencyVersion = tap.latency().version();
            lastLatency = now;
        }
        List<TimelineSegment> segs = tap == null ? List.of() : tap.drainSegments();
        List<TimelineMarker> marks = tap == null ? List.of() : tap.drainMarkers();
        List<DecisionRecord> decs = tap == null ? List.of() : tap.drainDecisions();
        mailbox.post(snapshot(curves), segs, marks, decs);
    }

    private LiveSnapshot withStatus() {
        LiveSnapshot e = LiveSnapshot.empty();
        return new LiveSnapshot(
                generation,
                status,
                message,
                null,
                "",
                List.of(),
                0,
                -1,
                pacing.speed(),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                "",
                Double.NaN,
                Double.NaN,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                e.droppedRecords());
    }

    private LiveSnapshot snapshot(LatencyCurves curves) {
        List<String> names = new ArrayList<>();
        for (FunctionSpec f : plan.workload().functions()) names.add(f.name());
        String policyName = plan.config().policy().name();
        if (engine == null) {
            return new LiveSnapshot(
                    generation,
                    status,
                    message,
                    hit,
                    plan.label(),
                    names,
                    displayUs,
                    plan.horizonUs(),
                    pacing.speed(),
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    0,
                    policyName,
                    Double.NaN,
                    Double.NaN,
                    List.of(),
                    List.of(),
                    List.of(),
                    curves,
                    summary,
                    0);
        }
        Policy pol = engine.gpuPolicy() != null ? engine.gpuPolicy() : engine.cpuPolicy();
        PolicySnapshot ps = pol == null ? null : pol.snapshot();
        List<FlowRow> flows = new ArrayList<>();
        if (ps != null) {
            for (FlowView f : ps.flows()) {
                flows.add(new FlowRow(
                        f.fn(), f.function(), f.queued(), f.inFlight(), f.state(), f.startTag(), f.finishTag()));
            }
        }
        List<DeviceState> devices = new ArrayList<>();
        for (Device d : engine.devices()) devices.add(deviceState(d));
        return new LiveSnapshot(
                generation,
                status,
                message,
                hit,
                plan.label(),
                names,
                displayUs,
                plan.horizonUs(),
                pacing.speed(),
                engine.events(),
                tap.arrivals(),
                tap.completed(),
                tap.failed(),
                engine.queued(),
                engine.inFlight(),
                tap.coldStarts(),
                tap.evictions(),
                tap.dispatches(),
                policyName,
                ps == null ? Double.NaN : ps.virtualTime(),
                ps == null ? Double.NaN : ps.overrun(),
                flows,
                devices,
                tap.running(),
                curves,
                summary,
                tap.droppedRecords() + mailbox.dropped());
    }

    private DeviceState deviceState(Device d) {
        List<ContainerBlock> blocks = new ArrayList<>();
        for (Container c : d.containers()) {
            if (blocks.size() >= MAX_BLOCKS) break;
            blocks.add(new ContainerBlock(c.id, c.function.id(), c.function.name(), c.memMb(), c.location(), c.busy()));
        }
        String name = d.index < plan.deviceNames().size() ? plan.deviceNames().get(d.index) : d.name;
        String kind = switch (d.kind) {
            case CPU -> "CPU pool";
            case GPU -> d.computeShare < 1 ? "MIG instance" : (d.mps ? "GPU (MPS)" : "GPU");
        };
        boolean gpu = d.kind == DeviceKind.GPU;
        long now = engine.timeUs();
        return new DeviceState(
                d.index,
                name,
                kind,
                d.memoryMb,
                d.usedMb(),
                d.contextMb(),
                d.oversubscribed(),
                d.oversubscribed() ? d.profile.uvmOversubscribedFactor() : 1.0,
                d.inFlight(),
                d.dMax(),
                d.evictions(),
                d.swapsOut(),
                d.prefetches(),
                blocks,
                gpu ? d.gate.estimatePctAt(now) : Double.NaN,
                gpu ? d.gate.limitPct() : Double.NaN,
                tap.withheldSince(d.index),
                tap.withheldLane(d.index));
    }
}
