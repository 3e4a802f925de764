package gpufaas.views.run;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.StartType;
import gpufaas.engine.placement.Target;
import gpufaas.engine.policy.FlowState;
import gpufaas.engine.policy.FlowView;
import gpufaas.engine.policy.PolicySnapshot;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineListener;
import gpufaas.views.decisions.DecisionContext;
import gpufaas.views.decisions.DecisionRecord;
import gpufaas.views.decisions.FlowBrief;
import gpufaas.views.latency.LatencyAggregator;
import gpufaas.views.live.Phase;
import gpufaas.views.live.RunningInvocation;
import gpufaas.views.live.TimelineMarker;
import gpufaas.views.live.TimelineSegment;
import gpufaas.views.teaching.BreakpointHit;
import gpufaas.views.teaching.Breakpoints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The UI's listener on the engine thread. The engine hands it live, mutable objects; it copies
 * what the views need into immutable records at once (timeline segments and markers, decision
 * records, latencies) and keeps the invocations in flight with the lane (token slot) each holds.
 * It also checks the teaching breakpoints. The session drains its buffers when it publishes.
 */
final class LiveTap implements EngineListener {
    /** Decision details are recorded with the flows' state only while the policy has at most this many flows. */
    static final int MAX_FLOWS_FOR_DETAILS = 512;
    /** Most records of one kind kept between two publications (older ones are dropped and counted). */
    static final int MAX_PENDING = 200_000;

    private final List<FunctionSpec> functions;
    private final List<String> deviceNames;
    private Engine engine;
    private final Map<Long, Running> running = new HashMap<>();
    private final List<BitSet> lanes = new ArrayList<>();
    private final LatencyAggregator latency;
    private Breakpoints breakpoints = Breakpoints.NONE;
    private BreakpointHit hit;

    private ArrayList<TimelineSegment> segments = new ArrayList<>();
    private ArrayList<TimelineMarker> markers = new ArrayList<>();
    private ArrayList<DecisionRecord> decisions = new ArrayList<>();
    private long droppedRecords;
    private boolean detailsOff;
    private DecisionRecord lastDecision;

    private long arrivals;
    private long completed;
    private long failed;
    private long coldStarts;
    private long evictions;
    private long dispatches;

    private static final class Running {
        final long id;
        final int device;
        final int lane;
        final int fn;
        final Phase setup;
        final long dispatchUs;
        long startUs = -1;

        Running(long id, int device, int lane, int fn, Phase setup, long dispatchUs) {
            this.id = id;
            this.device = device;
            this.lane = lane;
            this.fn = fn;
            this.setup = setup;
            this.dispatchUs = dispatchUs;
        }
    }

    LiveTap(List<FunctionSpec> functions, List<String> deviceNames) {
        this.functions = functions;
        this.deviceNames = deviceNames;
        List<String> names = new ArrayList<>();
        for (FunctionSpec f : functions) names.add(f.name());
        this.latency = new LatencyAggregator(names);
    }

    void attach(Engine e) {
        this.engine = e;
    }

    void setBreakpoints(Breakpoints b) {
        this.breakpoints = b;
    }

    /** The breakpoint that fired since the last call, if any; clears it. */
    BreakpointHit takeHit() {
        BreakpointHit h = hit;
        hit = null;
        return h;
    }

    LatencyAggregator latency() {
        return latency;
    }

    long dispatches() {
        return dispatches;
    }

    /** The latest decision recorded, or null. */
    DecisionRecord lastDecision() {
        return lastDecision;
    }

    long arrivals() {
        return arrivals;
    }

    long completed() {
        return completed;
    }

    long failed() {
        return failed;
    }

    long coldStarts() {
        return coldStarts;
    }

    long evictions() {
        return evictions;
    }

    long droppedRecords() {
        return droppedRecords;
    }

    // ------------------------------------------------------------------ engine callbacks

    @Override
    public void arrived(Invocation inv) {
        arrivals++;
    }

    @Override
    public void dispatched(Invocation inv, Device d) {
        dispatches++;
        int lane = takeLane(d.index);
        Phase setup = switch (inv.startType) {
            case COLD -> Phase.COLD_START;
            case GPU_COLD -> Phase.PREFETCH;
            case CPU -> inv.coldStart ? Phase.COLD_START : Phase.EXEC;
            case WARM -> Phase.EXEC;
        };
        long now = inv.dispatchUs;
        running.put(inv.id, new Running(inv.id, d.index, lane, inv.fn(), setup, now));
        if (inv.startType == StartType.COLD || (inv.startType == StartType.CPU && inv.coldStart)) {
            coldStarts++;
            add(markers, new TimelineMarker(d.index, inv.fn(), TimelineMarker.Kind.COLD_START, now));
            if (breakpoints.onColdStart() && hit == null) {
                int elsewhere = 0;
                if (engine != null)
                    for (Device o : engine.devices())
                        if (o != d) elsewhere += o.containersOf(inv.fn()).size();
                int here = d.containersOf(inv.fn()).size() - 1; // the new one is already among them
                String why = here > 0
                        ? ": its " + here + " container" + (here == 1 ? " there was" : "s there were") + " busy"
                        : ": no container of it there" + (elsewhere > 0 ? " (" + elsewhere + " on other devices)" : "");
                hit = new BreakpointHit(
                        BreakpointHit.Kind.COLD_START,
                        now,
                        "cold start of " + inv.function.name() + " on " + deviceName(d) + why);
            }
        }
        lastDecision = decision(inv, d);
        add(decisions, lastDecision);
    }

    @Override
    public void started(Invocation inv, Device d) {
        Running r = running.get(inv.id);
        if (r == null) return;
        r.startUs = inv.startUs;
        if (inv.startUs > r.dispatchUs && r.setup != Phase.EXEC) {
            add(segments, new TimelineSegment(r.device, r.lane, r.fn, r.setup, r.dispatchUs, inv.startUs));
        }
    }

    @Override
    public void finished(Invocation inv) {
        if (inv.outcome == Outcome.COMPLETED) {
            completed++;
            latency.record(inv.endUs, inv.e2eUs(), inv.fn());
        } else if (inv.outcome == Outcome.FAILED) {
            failed++;
        }
        Running r = running.remove(inv.id);
        if (r == null) return;
        if (r.startUs >= 0)
            add(segments, new TimelineSegment(r.device, r.lane, r.fn, Phase.EXEC, r.startUs, inv.endUs));
        lanes.get(r.device).clear(r.lane);
    }

    @Override
    public void flowStateChanged(int fn, FlowState from, FlowState to, long nowUs) {
        if (to == FlowState.THROTTLED && breakpoints.onThrottle() && hit == null) {
            hit = new BreakpointHit(
                    BreakpointHit.Kind.THROTTLE, nowUs, name(fn) + " turned Throttled" + throttleReason(fn));
        }
    }

    @Override
    public void containerRemoved(Container c, boolean evicted) {
        if (!evicted) return;
        evictions++;
        long now = engine == null ? 0 : engine.timeUs();
        add(markers, new TimelineMarker(c.device.index, c.function.id(), TimelineMarker.Kind.EVICTION, now));
        if (breakpoints.onEviction() && hit == null) {
            Device d = c.device;
            hit = new BreakpointHit(
                    BreakpointHit.Kind.EVICTION,
                    now,
                    String.format(
                            Locale.ROOT,
                            "container of %s evicted from %s: %d containers against a pool of %d, %,.0f of %,.0f MB in use",
                            c.function.name(),
                            deviceName(d),
                            d.containerCount(),
                            d.poolCapacity(),
                            d.usedMb(),
                            d.memoryMb));
        }
    }

    @Override
    public void memoryMoved(Container c, MemoryLocation from, MemoryLocation to) {
        TimelineMarker.Kind k;
        if (to == MemoryLocation.MOVING_OUT) k = TimelineMarker.Kind.SWAP_OUT;
        else if (to == MemoryLocation.MOVING_IN) k = TimelineMarker.Kind.PREFETCH;
        else return;
        long now = engine == null ? 0 : engine.timeUs();
        add(markers, new TimelineMarker(c.device.index, c.function.id(), k, now));
    }

    // ------------------------------------------------------------------ what the session publishes

    List<TimelineSegment> drainSegments() {
        List<TimelineSegment> s = segments;
        segments = new ArrayList<>();
        return s;
    }

    List<TimelineMarker> drainMarkers() {
        List<TimelineMarker> m = markers;
        markers = new ArrayList<>();
        return m;
    }

    List<DecisionRecord> drainDecisions() {
        List<DecisionRecord> d = decisions;
        decisions = new ArrayList<>();
        return d;
    }

    /** Invocations holding a token now, in dispatch order of their ids. */
    List<RunningInvocation> running() {
        List<RunningInvocation> out = new ArrayList<>(running.size());
        for (Running r : running.values()) {
            out.add(new RunningInvocation(r.id, r.device, r.lane, r.fn, r.setup, r.dispatchUs, r.startUs));
        }
        out.sort((a, b) -> Long.compare(a.id(), b.id()));
        return out;
    }

    // ------------------------------------------------------------------ helpers

    private <T> void add(ArrayList<T> list, T item) {
        if (list.size() >= MAX_PENDING) {
            droppedRecords++;
            return;
        }
        list.add(item);
    }

    private int takeLane(int device) {
        while (lanes.size() <= device) lanes.add(new BitSet());
        BitSet b = lanes.get(device);
        int lane = b.nextClearBit(0);
        b.set(lane);
        return lane;
    }

    /** ": S 7.27 − V 0.04 > T 5.00" from the policy's tags (read only when a throttle breakpoint fires). */
    private String throttleReason(int fn) {
        if (engine == null || engine.gpuPolicy() == null) return "";
        PolicySnapshot s = engine.gpuPolicy().snapshot();
        for (FlowView f : s.flows()) {
            if (f.fn() != fn) continue;
            return String.format(
                    Locale.ROOT,
                    ": its start tag S %.2f − V %.2f = %.2f > T %.2f",
                    f.startTag(),
                    s.virtualTime(),
                    f.startTag() - s.virtualTime(),
                    s.overrun());
        }
        return "";
    }

    private String name(int fn) {
        return fn >= 0 && fn < functions.size() ? functions.get(fn).name() : "function " + fn;
    }

    private DecisionRecord decision(Invocation inv, Device d) {
        double v = Double.NaN;
        double t = Double.NaN;
        double tag = Double.NaN;
        String policy = engine == null ? "" : engine.config().policy().name();
        List<FlowBrief> backlogged = new ArrayList<>();
        List<FlowBrief> throttled = new ArrayList<>();
        int omitted = 0;
        PolicySnapshot snap = snapshotFor(d);
        if (snap != null) {
            v = snap.virtualTime();
            t = snap.overrun();
            for (FlowView f : snap.flows()) {
                if (f.fn() == inv.fn()) {
                    tag = f.startTag();
                    continue;
                }
                boolean isThrottled = f.state() == FlowState.THROTTLED;
                if (!isThrottled && f.queued() == 0) continue;
                List<FlowBrief> into = isThrottled ? throttled : backlogged;
                if (into.size() >= DecisionRecord.MAX_FLOWS) {
                    omitted++;
                    continue;
                }
                into.add(new FlowBrief(f.function(), f.startTag(), f.queued(), f.inFlight(), f.state()));
            }
        }
        if (!Double.isNaN(v))
            tag = inv.startTag; // the chosen invocation's own start tag: the flow's S when it was chosen
        String device = deviceName(d);
        return new DecisionRecord(
                dispatches,
                inv.dispatchUs,
                inv.id,
                inv.fn(),
                inv.function.name(),
                device,
                inv.startType,
                inv.queueUs() / 1000.0,
                policy,
                v,
                t,
                tag,
                backlogged,
                throttled,
                omitted,
                d.usedMb(),
                d.memoryMb,
                d.containersOnHost(),
                d.inFlight(),
                d.dMax(),
                context(inv, d));
    }

    private String deviceName(Device d) {
        return d.index < deviceNames.size() ? deviceNames.get(d.index) : d.name;
    }

    /** The gate, the other devices of the same kind and the function's estimates, read without changing the run. */
    private DecisionContext context(Invocation inv, Device d) {
        long now = inv.dispatchUs;
        int movingIn = 0;
        for (Container c : d.containers()) if (c.location() == MemoryLocation.MOVING_IN) movingIn++;
        List<DecisionContext.DeviceChoice> others = new ArrayList<>();
        if (engine != null) {
            for (Device o : engine.devices()) {
                if (o == d || o.kind != d.kind) continue;
                if (others.size() >= MAX_OTHER_DEVICES) break;
                others.add(new DecisionContext.DeviceChoice(
                        o.index, deviceName(o), o.dMax() - o.inFlight(), o.gate.openAt(now)));
            }
        }
        boolean gpu = d.kind == DeviceKind.GPU;
        double service =
                engine == null ? Double.NaN : engine.estimates().serviceMs(inv.fn(), gpu ? Target.GPU : Target.CPU);
        return new DecisionContext(
                d.index,
                service,
                inv.function.weight(),
                inv.deadlineUs == Long.MAX_VALUE ? -1 : inv.deadlineUs,
                movingIn,
                gpu ? d.gate.estimatePctAt(now) : Double.NaN,
                gpu ? d.gate.limitPct() : Double.NaN,
                others);
    }

    // ------------------------------------------------------------------ the utilization gate

    /** Most other devices a decision lists (a MIG server has a few dozen at most). */
    static final int MAX_OTHER_DEVICES = 64;
    /** per device index: since when the gate has withheld a free token from queued work (-1: it does not) */
    private long[] withheldSince = new long[0];

    private int[] withheldLane = new int[0];

    /**
     * After every engine event: notes when a GPU's utilization gate starts or stops withholding a
     * free token while work waits (the estimate above the cap), as a stretch of the device's timeline.
     */
    void afterEvent() {
        if (engine == null) return;
        var pol = engine.gpuPolicy();
        boolean waiting = pol != null && pol.queued() > 0;
        long now = engine.timeUs();
        for (Device d : engine.devices()) {
            if (d.kind != DeviceKind.GPU) continue;
            if (d.index >= withheldSince.length) {
                int n = d.index + 1;
                int old = withheldSince.length;
                withheldSince = Arrays.copyOf(withheldSince, n);
                withheldLane = Arrays.copyOf(withheldLane, n);
                Arrays.fill(withheldSince, old, n, -1);
            }
            boolean withheld = waiting && d.hasToken() && !d.gate.openAt(now);
            long since = withheldSince[d.index];
            if (withheld && since < 0) {
                withheldSince[d.index] = now;
                while (lanes.size() <= d.index) lanes.add(new BitSet());
                withheldLane[d.index] = lanes.get(d.index).nextClearBit(0);
            } else if (!withheld && since >= 0) {
                withheldSince[d.index] = -1;
                if (now > since)
                    add(segments, new TimelineSegment(d.index, withheldLane[d.index], -1, Phase.GATE, since, now));
            }
        }
    }

    /** Since when device {@code index}'s gate has withheld a token from waiting work, or -1. */
    long withheldSince(int index) {
        return index < withheldSince.length ? withheldSince[index] : -1;
    }

    /** The lane the withheld token would have used. */
    int withheldLane(int index) {
        return index < withheldLane.length ? withheldLane[index] : 0;
    }

    private PolicySnapshot snapshotFor(Device d) {
        if (engine == null) return null;
        var pol = d.kind == DeviceKind.CPU ? engine.cpuPolicy() : engine.gpuPolicy();
        if (pol == null) return null;
        if (detailsOff) return null;
        PolicySnapshot s = pol.snapshot();
        if (s.flows().size() > MAX_FLOWS_FOR_DETAILS) {
            detailsOff = true; // flows are only ever added: from now on decisions are recorded without the flows
            return null;
        }
        return s;
    }
}
