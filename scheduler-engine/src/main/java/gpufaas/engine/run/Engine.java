package gpufaas.engine.run;

import gpufaas.engine.admission.Admission;
import gpufaas.engine.admission.Verdict;
import gpufaas.engine.backend.BackendCallbacks;
import gpufaas.engine.backend.ExecutionBackend;
import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.device.ExecutionModel;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.device.Residency;
import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.StartType;
import gpufaas.engine.model.Workload;
import gpufaas.engine.placement.Placement;
import gpufaas.engine.placement.Target;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.policy.PolicySnapshot;
import gpufaas.engine.time.TimeSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine: pulls arrivals from the workload, runs admission and placement, hands invocations to
 * the policy of their side (GPUs or CPU pool), and whenever a device has a free token asks the
 * policy what runs next, binds it to a device (locality first), sets up its container and memory
 * and starts it on the backend. Deterministic: everything happens in (time, sequence) order on one
 * thread, and arrivals at the same instant as other events come after them.
 */
public final class Engine implements BackendCallbacks {
    private final EngineConfig cfg;
    private final List<FunctionSpec> fns;
    private final TimeSource ts;
    private final ExecutionBackend backend;
    private final EngineListener listener;
    private final RunMetrics metrics;
    private final List<Device> devices;
    private final List<Device> gpus = new ArrayList<>();
    private final Residency residency;
    private final Side gpuSide;
    private final Side cpuSide;
    private final Admission admission;
    private final Placement placement;
    private final ArrivalSource arrivals;
    private final TimeSeries timeSeries;
    private final ExecutionModel model;
    private final EngineEstimates estimates;
    /** invocations parked by admission control (defer), oldest first */
    private final ArrayDeque<Invocation> parked = new ArrayDeque<>();

    private boolean arrivalPending;
    private long nextArrivalUs;
    private int nextArrivalFn;
    private long nextArrivalSloUs;
    private long lastArrivalUs;
    private long arrivalCount;
    private long events;
    private long inFlight;
    private long gateWakeAt = Long.MAX_VALUE;
    /** what-if reruns: the invocation bound to {@link #forcedDevice} instead of where the engine would bind it (-1: none) */
    private long forcedInvocation = -1;
    private int forcedDevice = -1;
    private boolean finished;
    private boolean droppedAny;
    /** why the backend gave up (null while it runs) */
    private String abortReason;
    private long abortedAtUs;
    /** arrivals of the workload that never arrived because the run was aborted */
    private long notArrived;
    private int deferDepth;
    /** flow state changes reported while deferred: function -> its last state, in first-report order */
    private final java.util.LinkedHashMap<Integer, gpufaas.engine.policy.FlowState> deferred = new java.util.LinkedHashMap<>();
    private RunResult result;

    private final double ewma;
    private final double[] tauMs;
    private final boolean[] tauKnown;
    private final long[] firstArrival;
    private final long[] lastArrival;
    private final long[] arrivalsOf;

    public Engine(EngineConfig cfg, Workload workload, ExecutionBackend backend, TimeSource ts,
                  EngineListener listener, TimeSeriesSink seriesSink) {
        this.cfg = cfg;
        this.fns = workload.functions();
        this.ts = ts;
        this.backend = backend;
        this.devices = DeviceSet.build(cfg);
        for (Device d : devices) if (d.kind == DeviceKind.GPU) gpus.add(d);
        List<Device> cpus = new ArrayList<>();
        for (Device d : devices) if (d.kind == DeviceKind.CPU) cpus.add(d);
        this.admission = cfg.admission().factory().apply(cfg.admissionParams());
        this.placement = cfg.placement().factory().apply(cfg.placementParams(), fns);
        Policy gpuPolicy = gpus.isEmpty() ? null : newPolicy();
        if (gpuPolicy != null) for (Device d : gpus) d.limitWorkers(gpuPolicy.workersPerDevice());
        this.model = cfg.executionModel();
        this.metrics = new RunMetrics(cfg, fns, devices, isolatedMs(cpus));
        this.timeSeries = new TimeSeries(this, seriesSink == null ? TimeSeriesSink.NONE : seriesSink, cfg.intervalUs());
        List<EngineListener> ls = new ArrayList<>();
        ls.add(metrics);
        ls.add(timeSeries);
        if (listener != null) ls.add(listener);
        this.listener = EngineListener.of(ls);
        this.residency = new Residency(model.memory(), backend, this.listener);
        checkPlacementHardware(cpus);
        this.gpuSide = gpuPolicy == null ? null : new Side(this, gpuPolicy, gpus, true);
        this.cpuSide = cpus.isEmpty() ? null : new Side(this, newPolicy(), cpus, false);
        int n = fns.size();
        ewma = cfg.ewma();
        tauMs = new double[n];
        tauKnown = new boolean[n];
        firstArrival = new long[n];
        lastArrival = new long[n];
        arrivalsOf = new long[n];
        for (FunctionSpec f : fns) tauMs[f.id()] = gpus.isEmpty() ? f.gpuWarmMs() : model.serviceMs(gpus.get(0), f);
        this.estimates = new EngineEstimates(this, cfg, model);
        checkFootprints();
        this.arrivals = workload.arrivals().get();
        backend.attach(this);
        pullArrival();
    }

    private Policy newPolicy() {
        return cfg.policy().factory().apply(cfg.policyParams());
    }

    /** Where each function runs under a fixed placement; null for placements that decide per invocation. */
    private Target[] fixedTargets() {
        if (placement.dynamic()) return null;
        Target[] t = new Target[fns.size()];
        for (FunctionSpec f : fns) t[f.id()] = placement.place(new Invocation(-1, f, 0), null);
        return t;
    }

    /** Each function's warm time alone on the kind of device it runs on (for slowdown and Jain's index). */
    private double[] isolatedMs(List<Device> cpus) {
        Target[] fixed = fixedTargets();
        double[] iso = new double[fns.size()];
        for (FunctionSpec f : fns) {
            boolean cpu = fixed != null ? fixed[f.id()] == Target.CPU : gpus.isEmpty();
            if (cpu) iso[f.id()] = f.cpuWarmMs();
            else iso[f.id()] = cfg.executionModel().serviceMs(gpus.get(0), f);
        }
        return iso;
    }

    private void checkPlacementHardware(List<Device> cpus) {
        Target[] fixed = fixedTargets();
        if (fixed == null) {
            if (gpus.isEmpty() && cpus.isEmpty()) throw BadInputException.of("--gpu", "the server has no GPUs and no CPU cores");
            return;
        }
        boolean anyCpu = false;
        boolean anyGpu = false;
        for (Target t : fixed) {
            if (t == Target.CPU) anyCpu = true; else anyGpu = true;
        }
        if (anyCpu && cpus.isEmpty()) {
            throw BadInputException.of("--cpu-cores", "placement " + cfg.placement().name()
                    + " sends functions to the CPU pool, but it has no cores (set --cpu-cores N)");
        }
        if (anyGpu && gpus.isEmpty()) {
            throw BadInputException.of("--gpu", "placement " + cfg.placement().name() + " sends functions to GPUs, but there are none");
        }
    }

    private void checkFootprints() {
        if (cfg.memoryMode() != gpufaas.engine.device.MemoryMode.NONE) return;
        for (Device d : gpus) {
            for (FunctionSpec f : fns) {
                if (f.gpuMemMb() + d.profile.contextMemMb() > d.memoryMb) {
                    throw BadInputException.of("--param memory=none", "function '" + f.name() + "' needs "
                            + f.gpuMemMb() + " MB plus context, device " + d.name + " has " + d.memoryMb + " MB");
                }
            }
        }
    }

    // ------------------------------------------------------------------ the loop

    /** Processes one event or one arrival. Returns false when the run has nothing left to do. */
    public boolean step() {
        if (finished) return false;
        long until = arrivalPending ? nextArrivalUs : Long.MAX_VALUE;
        long next = Math.min(until, ts.peekNextUs());
        if (next != Long.MAX_VALUE) timeSeries.before(next);
        if (ts.runNext(until)) {
            events++;
            return true;
        }
        if (arrivalPending) {
            arrive();
            events++;
            return true;
        }
        if (inFlight > 0 || queued() > 0 || !parked.isEmpty()) {
            if (ts.pending() == 0 && backend.name().equals("sim")) {
                throw new IllegalStateException("engine stalled at " + ts.nowUs() + " us with " + inFlight
                        + " in flight and " + queued() + " queued");
            }
            // a live backend reports from its own threads: wait (at most 50 ms at a time) for it
            if (ts.pending() == 0 && ts.runNext(ts.nowUs() + 50_000)) events++;
            return true;
        }
        finish();
        return false;
    }

    /** Runs to the end and returns the result. */
    public RunResult run() {
        long wall0 = System.nanoTime();
        while (step()) {
            // each step is one event
        }
        long unfinished = arrivalCount - metrics.completed() - metrics.rejected() - metrics.dropped() - metrics.failed();
        String why = unfinished == 0 ? null : unfinished + " invocations did not finish";
        if (abortReason != null) {
            why = String.format(java.util.Locale.ROOT, "aborted at %.3f s: %s; %d arrivals of the workload were not run",
                    abortedAtUs / 1e6, abortReason, notArrived) + (why == null ? "" : "; " + why);
        }
        result = new RunResult(metrics.result(ts.nowUs(), events, (System.nanoTime() - wall0) / 1_000_000, unfinished),
                why == null, why);
        return result;
    }

    /** Runs every event due at or before {@code untilUs} (for paced and stepped runs). */
    public void runUntil(long untilUs) {
        while (!finished) {
            long next = Math.min(arrivalPending ? nextArrivalUs : Long.MAX_VALUE, ts.peekNextUs());
            if (next > untilUs) break;
            if (!step()) break;
        }
    }

    private void finish() {
        if (finished) return;
        finished = true;
        timeSeries.end(ts.nowUs());
        arrivals.close();
        checkInvariants();
    }

    /** Conservation and capacity invariants; throws IllegalStateException naming the broken one. */
    public void checkInvariants() {
        long ended = metrics.completed() + metrics.rejected() + metrics.dropped() + metrics.failed();
        if (arrivalCount != ended + inFlight + queued() + parked.size()) {
            throw new IllegalStateException("conservation: arrived " + arrivalCount + " != ended " + ended
                    + " + in flight " + inFlight + " + queued " + queued() + " + parked " + parked.size());
        }
        for (Device d : devices) {
            if (d.inFlight() > d.dMax() || d.inFlight() < 0) throw new IllegalStateException(d.name + ": tokens exceeded");
            if (d.executing() > d.inFlight()) throw new IllegalStateException(d.name + ": executing above in flight");
        }
        if (gpuSide != null) gpuSide.policy.checkInvariants();
        if (cpuSide != null) cpuSide.policy.checkInvariants();
    }

    // ------------------------------------------------------------------ arrivals

    private void pullArrival() {
        if (!arrivals.advance()) {
            arrivalPending = false;
            return;
        }
        long t = arrivals.timeUs();
        int fn = arrivals.function();
        if (t < 0) throw new BadInputException(arrivals.describe(), 0, "arrival " + (arrivalCount + 1), "negative arrival time " + t + " us");
        if (t < lastArrivalUs) {
            throw new BadInputException(arrivals.describe(), 0, "arrival " + (arrivalCount + 1),
                    "arrivals must be in non-decreasing time order (" + t + " us after " + lastArrivalUs + " us)");
        }
        if (fn < 0 || fn >= fns.size()) throw new BadInputException(arrivals.describe(), 0, "arrival " + (arrivalCount + 1), "unknown function id " + fn);
        lastArrivalUs = t;
        nextArrivalUs = t;
        nextArrivalFn = fn;
        nextArrivalSloUs = arrivals.sloUs();
        arrivalPending = true;
    }

    private void arrive() {
        long now = ts.nowUs();
        FunctionSpec f = fns.get(nextArrivalFn);
        Invocation inv = new Invocation(arrivalCount++, f, nextArrivalUs, nextArrivalSloUs);
        int fn = f.id();
        if (arrivalsOf[fn]++ == 0) firstArrival[fn] = now;
        lastArrival[fn] = now;
        listener.arrived(inv);
        pullArrival();
        Verdict v = admission.onArrival(inv, estimates);
        switch (v.kind()) {
            case REJECT -> end(inv, Outcome.REJECTED, v.reason());
            case DEFER -> parked.add(inv);
            case ADMIT -> admit(inv);
        }
        releaseParked();
    }

    /** Placement, then the queue of the chosen side. */
    private void admit(Invocation inv) {
        Target t = placement.place(inv, estimates);
        Side side = t == Target.CPU ? cpuSide : t == Target.GPU ? gpuSide : null;
        if (side == null) {
            end(inv, Outcome.REJECTED, t == Target.REJECT ? placement.rejectReason(inv)
                    : "placement chose " + t + " but the server has no such device");
            return;
        }
        inv.plannedMs = estimates.serviceMs(inv.fn(), t);
        if (Double.isInfinite(inv.plannedMs)) inv.plannedMs = 0;
        side.enqueue(inv);
        dispatch(side);
    }

    /** Lets parked invocations in while admission control allows it. */
    private void releaseParked() {
        while (!parked.isEmpty() && admission.releaseDeferred(estimates)) admit(parked.poll());
    }

    private void end(Invocation inv, Outcome outcome, String reason) {
        inv.outcome = outcome;
        inv.reason = reason;
        inv.endUs = ts.nowUs();
        listener.finished(inv);
    }

    // ------------------------------------------------------------------ dispatch

    void dispatch(Side s) {
        Policy p = s.policy;
        if (p.pinsDevices()) {
            dispatchPinned(s);
            return;
        }
        while (p.queued() > 0) {
            Device offer = pickOffer(s);
            if (offer == null) break;
            deferDepth++;
            Invocation inv = screen(s, p.next(offer));
            if (inv != null) {
                Device d = s.devices.size() == 1 ? offer : bind(s, inv.fn(), offer);
                if (inv.id == forcedInvocation) d = forced(s, d);
                start(s, inv, d, false);
            }
            endDeferral(s);
            if (inv == null && !droppedAny) break;
            droppedAny = false;
        }
    }

    /** Policies that decide per device: every device with a free token is asked in turn. */
    private void dispatchPinned(Side s) {
        Policy p = s.policy;
        long now = ts.nowUs();
        boolean progress = true;
        while (progress && p.queued() > 0) {
            progress = false;
            for (int i = 0, n = s.devices.size(); i < n && p.queued() > 0; i++) {
                Device d = s.devices.get(i);
                if (!s.canTake(d)) continue;
                if (!d.gate.open(now)) {
                    scheduleGateWake(d.gate.nextSampleUs(now));
                    continue;
                }
                deferDepth++;
                Invocation inv = screen(s, p.next(d));
                if (inv != null) start(s, inv, d, false);
                endDeferral(s);
                if (inv != null || droppedAny) progress = true;
                droppedAny = false;
            }
        }
    }

    /**
     * Admission control's last word before an invocation starts: drops it (and, for a batch, moves on
     * to the next member) when it can no longer make its deadline. Returns what may start, or null.
     */
    private Invocation screen(Side s, Invocation inv) {
        Target kind = s.gpu ? Target.GPU : Target.CPU;
        while (inv != null) {
            String drop = admission.dropAtDispatch(inv, kind, estimates);
            if (drop == null) return inv;
            Invocation rest = s.policy.continuation(inv);
            s.unqueued(inv);
            s.policy.completed(inv);
            end(inv, Outcome.DROPPED, drop);
            droppedAny = true;
            inv = rest;
        }
        return null;
    }

    /**
     * State changes a policy reports while choosing (e.g. the chosen flow turning Throttled) move
     * memory only after the chosen invocation has taken its container, so it is not swapped out
     * from under the invocation it was chosen for.
     */
    private void endDeferral(Side s) {
        if (--deferDepth > 0 || deferred.isEmpty()) return;
        var copy = new java.util.ArrayList<>(deferred.entrySet());
        deferred.clear();
        for (var e : copy) applyMemoryHook(s, e.getKey(), e.getValue());
    }

    private void dispatchAll() {
        if (gpuSide != null) dispatch(gpuSide);
        if (cpuSide != null) dispatch(cpuSide);
    }

    private Device pickOffer(Side s) {
        long now = ts.nowUs();
        long wake = Long.MAX_VALUE;
        for (int k = 0, levels = s.levels(); k < levels - 1; k++) {
            for (int pos = s.nextInLevel(k, 0); pos >= 0; pos = s.nextInLevel(k, pos + 1)) {
                Device d = s.devices.get(pos);
                if (!s.canTake(d)) continue;
                if (!d.gate.open(now)) {
                    wake = Math.min(wake, d.gate.nextSampleUs(now));
                    continue;
                }
                return d;
            }
        }
        if (wake != Long.MAX_VALUE) scheduleGateWake(wake);
        return null;
    }

    private void scheduleGateWake(long at) {
        if (gateWakeAt > ts.nowUs() && gateWakeAt <= at) return;
        gateWakeAt = at;
        ts.schedule(at, now -> {
            if (gateWakeAt == now) gateWakeAt = Long.MAX_VALUE;
            dispatchAll();
        });
    }

    /** Late binding: an idle container of the function first (memory on device, moving, host), then a device holding one, then the least loaded. */
    private Device bind(Side s, int fn, Device offer) {
        long now = ts.nowUs();
        Device best = offer;
        int bestRank = rank(offer, fn);
        List<Device> holders = residency.holdersOf(fn);
        for (int i = 0, n = holders.size(); i < n; i++) {
            Device d = holders.get(i);
            if (d == offer || d.kind != offer.kind || !s.canTake(d) || !d.gate.open(now)) continue;
            if (bestRank == 0 && !better(d, best)) continue; // no rank beats 0: skip looking for its idle container
            int r = rank(d, fn);
            if (r < bestRank || (r == bestRank && better(d, best))) {
                best = d;
                bestRank = r;
            }
        }
        return best;
    }

    /**
     * For what-if reruns: invocation {@code invocationId} is bound to device {@code deviceIndex}
     * instead of the one the engine would choose, if that device can take it at that moment (a free
     * token, its gate open); otherwise the engine's choice stands. Policies that pin devices decide
     * the device themselves and are not affected.
     */
    public void forceDevice(long invocationId, int deviceIndex) {
        forcedInvocation = invocationId;
        forcedDevice = deviceIndex;
    }

    private Device forced(Side s, Device chosen) {
        for (Device d : s.devices) {
            if (d.index == forcedDevice && d != chosen && s.canTake(d) && d.gate.open(ts.nowUs())) return d;
        }
        return chosen;
    }

    private static boolean better(Device a, Device b) {
        if (a.inFlight() != b.inFlight()) return a.inFlight() < b.inFlight();
        return a.index < b.index;
    }

    private static int rank(Device d, int fn) {
        Container c = d.idleContainerOf(fn);
        if (c != null) {
            return switch (c.location()) {
                case DEVICE -> 0;
                case MOVING_IN -> 1;
                default -> 2;
            };
        }
        return d.containersOf(fn).isEmpty() ? 4 : 3;
    }

    private void start(Side s, Invocation inv, Device d, boolean tokenHeld) {
        long now = ts.nowUs();
        if (!tokenHeld) s.take(d);
        inFlight++;
        inv.dispatchUs = now;
        inv.device = d.index;
        s.running(inv, now);
        s.policy.dispatched(inv, d);
        if (!place(s, inv, d)) s.waitForMemory(inv, d);
    }

    /**
     * Finds or creates the invocation's container on {@code d}, sets its start type and starts it
     * (or its prefetch or container start). Returns false when its memory cannot be had yet
     * (memory mode none): the invocation then waits on the device, holding its token.
     */
    private boolean place(Side s, Invocation inv, Device d) {
        FunctionSpec f = inv.function;
        Container c = s.policy.usesWarmPool() ? residency.acquireIdle(d, f.id()) : null;
        if (c != null) {
            if (d.kind == DeviceKind.CPU) {
                inv.startType = StartType.CPU;
                inv.onCpu = true;
                listener.dispatched(inv, d);
                execute(inv, c);
            } else if (c.location() == MemoryLocation.DEVICE) {
                inv.startType = StartType.WARM;
                listener.dispatched(inv, d);
                execute(inv, c);
            } else {
                inv.startType = StartType.GPU_COLD;
                listener.dispatched(inv, d);
                c.pendingStart = inv;
                // the code starts at once and its kernels wait for the memory: a prefetch issued now (or an
                // anticipatory one still under way), or, without prefetches, demand paging
                beginExecution(inv, d, true);
                if (model.demandPaged()) residency.faultIn(c); else residency.prefetch(c, true);
            }
            return true;
        }
        boolean shared = d.kind == DeviceKind.GPU && s.policy.workerModel() == gpufaas.engine.policy.WorkerModel.SHARED_WORKERS;
        c = residency.create(d, f, ts.nowUs(), shared);
        if (c == null) return false;
        inv.coldStart = !shared;
        inv.onCpu = d.kind == DeviceKind.CPU;
        inv.startType = inv.onCpu ? StartType.CPU : shared ? StartType.GPU_COLD : StartType.COLD;
        listener.dispatched(inv, d);
        c.pendingStart = inv;
        backend.createContainer(c, inv);
        return true;
    }

    private void execute(Invocation inv, Container c) {
        beginExecution(inv, c.device, false);
        backend.execute(inv, c);
    }

    /** The invocation's code starts now: computing, or first waiting for its memory. */
    private void beginExecution(Invocation inv, Device d, boolean waitingForMemory) {
        inv.startUs = ts.nowUs();
        inv.activity = model.kernelActivity(d, inv.function);
        inv.waitingForMemory = waitingForMemory;
        d.beginExec(inv.activity, waitingForMemory, inv.startUs);
        listener.started(inv, d);
    }

    private void retryMemoryWaiters(Device d) {
        Side s = d.kind == DeviceKind.CPU ? cpuSide : gpuSide;
        ArrayDeque<Invocation> q = s.memoryWaiters(d);
        while (!q.isEmpty()) {
            if (!place(s, q.peek(), d)) return;
            q.poll();
        }
    }

    // ------------------------------------------------------------------ backend callbacks

    @Override
    public void abort(String reason) {
        if (abortReason != null || finished) return;
        abortReason = reason == null ? "the backend stopped" : reason;
        abortedAtUs = ts.nowUs();
        if (arrivalPending) {
            notArrived = 1;
            arrivalPending = false;
            while (arrivals.advance()) notArrived++;
        }
        while (!parked.isEmpty()) end(parked.poll(), Outcome.FAILED, "not run: " + abortReason);
    }

    /** Why the backend aborted the run, or null. */
    public String abortReason() { return abortReason; }

    /** The name of the backend this engine runs on (sim, docker, cuda). */
    public String backendName() { return backend.name(); }

    /**
     * Releases the backend (a live backend removes its containers or frees its GPU memory). Call it
     * when done with the engine, finished or not; to stop a live run early, {@link #abort} it first.
     */
    public void close() { backend.close(); }

    @Override
    public TimeSource time() { return ts; }

    @Override
    public void containerReady(Container c, Invocation inv) {
        residency.ready(c);
        if (c.pendingStart == inv) c.pendingStart = null;
        execute(inv, c);
    }

    @Override
    public void memoryMoved(Container c, boolean toDevice) {
        if (residency.moved(c, toDevice) && c.pendingStart != null) {
            Invocation inv = c.pendingStart;
            c.pendingStart = null;
            if (inv.startUs < 0) {
                execute(inv, c);
            } else {
                // its memory is on the device: the kernels now run their own share of the time
                inv.waitingForMemory = false;
                c.device.memoryArrived(inv.activity, ts.nowUs());
                backend.execute(inv, c);
            }
        }
    }

    @Override
    public void executed(Invocation inv, Container c) {
        done(inv, c, null);
    }

    @Override
    public void failed(Invocation inv, Container c, String reason) {
        done(inv, c, reason == null ? "failed" : reason);
    }

    private void done(Invocation inv, Container c, String failure) {
        long now = ts.nowUs();
        Device d = c.device;
        Side s = d.kind == DeviceKind.CPU ? cpuSide : gpuSide;
        if (inv.startUs >= 0 && inv.endUs < 0) d.endExec(inv.activity, inv.waitingForMemory, now);
        if (c.pendingStart == inv) c.pendingStart = null;
        if (failure == null) {
            observe(inv.fn(), (now - inv.startUs) / 1000.0, d.kind == DeviceKind.GPU);
            end(inv, Outcome.COMPLETED, null);
        } else {
            end(inv, Outcome.FAILED, failure);
            residency.remove(c, false);
        }
        s.ended(inv);
        deferDepth++;
        Invocation next = screen(s, s.policy.continuation(inv));
        if (next == null) {
            if (failure == null) residency.release(c, now, s.policy.usesWarmPool());
            s.give(d);
        }
        inFlight--;
        s.policy.completed(inv);
        if (next != null) {
            if (failure == null) {
                next.dispatchUs = now;
                next.device = d.index;
                next.startType = d.kind == DeviceKind.CPU ? StartType.CPU : StartType.WARM;
                next.onCpu = d.kind == DeviceKind.CPU;
                s.running(next, now);
                inFlight++;
                s.policy.dispatched(next, d);
                listener.dispatched(next, d);
                execute(next, c);
            } else {
                start(s, next, d, true);
            }
        } else {
            retryMemoryWaiters(d);
        }
        releaseParked();
        dispatchAll();
        endDeferral(s);
    }

    private void observe(int fn, double execMs, boolean gpu) {
        if (!gpu) return;
        if (!tauKnown[fn]) {
            tauMs[fn] = execMs;
            tauKnown[fn] = true;
        } else {
            double w = ewma;
            tauMs[fn] = (1 - w) * tauMs[fn] + w * execMs;
        }
    }

    // ------------------------------------------------------------------ views for policies, UI and tests

    void flowStateChanged(Side s, int fn, gpufaas.engine.policy.FlowState from, gpufaas.engine.policy.FlowState to) {
        listener.flowStateChanged(fn, from, to, ts.nowUs());
        if (!s.gpu) return;
        if (deferDepth > 0) {
            deferred.put(fn, to);
        } else {
            applyMemoryHook(s, fn, to);
        }
    }

    private void applyMemoryHook(Side s, int fn, gpufaas.engine.policy.FlowState to) {
        if (to == gpufaas.engine.policy.FlowState.ACTIVE) residency.flowActive(fn);
        else residency.flowIdle(fn);
    }

    double serviceEstimateMs(int fn) { return tauMs[fn]; }

    /** Estimated duration (ms) of {@code fn} if it were dispatched now on {@code s}: start cost by container state, then service. */
    double durationIfStartedNowMs(int fn, Side s) { return estimates.durationIfStartedNowMs(fn, s); }

    double meanIatUs(int fn) {
        long n = arrivalsOf[fn];
        return n < 2 ? Double.NaN : (double) (lastArrival[fn] - firstArrival[fn]) / (n - 1);
    }

    long nowUs() { return ts.nowUs(); }

    List<FunctionSpec> functions() { return fns; }

    public List<Device> devices() { return devices; }

    Side gpuSide() { return gpuSide; }

    Side cpuSide() { return cpuSide; }

    /** Devices holding a container of {@code fn}. */
    List<Device> holdersOf(int fn) { return residency.holdersOf(fn); }

    /** The engine's estimates (as offered to placement, admission control and policies). */
    public gpufaas.engine.placement.Estimates estimates() { return estimates; }

    /** Invocations parked by admission control. */
    public int parked() { return parked.size(); }

    public int queued() {
        return (gpuSide == null ? 0 : gpuSide.policy.queued()) + (cpuSide == null ? 0 : cpuSide.policy.queued());
    }

    int queuedFor(Device d) {
        Side s = d.kind == DeviceKind.CPU ? cpuSide : gpuSide;
        return s == null ? 0 : s.policy.queued();
    }

    public long inFlight() { return inFlight; }

    public long arrived() { return arrivalCount; }

    public long events() { return events; }

    public long timeUs() { return ts.nowUs(); }

    public boolean isFinished() { return finished; }

    public RunMetrics metrics() { return metrics; }

    public EngineConfig config() { return cfg; }

    /** The GPU side's queues (null without GPUs). */
    public PolicySnapshot gpuSnapshot() { return gpuSide == null ? null : gpuSide.policy.snapshot(); }

    /** The GPU side's policy instance (for tests and the UI). */
    public Policy gpuPolicy() { return gpuSide == null ? null : gpuSide.policy; }

    public Policy cpuPolicy() { return cpuSide == null ? null : cpuSide.policy; }

    public RunResult result() { return result; }
}
