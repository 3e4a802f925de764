package gpufaas.engine.run;

import gpufaas.engine.backend.ExecutionBackend;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.device.ExecutionModel;
import gpufaas.engine.device.Holders;
import gpufaas.engine.device.Residency;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.Workload;
import gpufaas.engine.placement.Estimates;
import gpufaas.engine.placement.Placement;
import gpufaas.engine.placement.Target;
import gpufaas.engine.policy.FlowState;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.policy.PolicySnapshot;
import gpufaas.engine.time.TimeSource;
import java.util.List;
import java.util.Locale;

/**
 * The engine: the event loop of one run, and the owner of its parts. Arrivals come from the
 * {@link ArrivalIntake}, pass the {@link AdmissionStage} (admission control, then placement on the
 * GPUs or the CPU pool) into the queues of a {@link Side} (one policy with its devices), and the
 * {@link Dispatcher} starts what the policy chooses, through the {@link Launcher}, whenever a device
 * can take it; the {@link EngineEstimates} serve placement, admission and policies. Deterministic:
 * everything happens in (time, sequence) order on one thread, and arrivals at the same instant as
 * other events come after them.
 */
public final class Engine {
    private final EngineConfig cfg;
    private final List<FunctionSpec> fns;
    private final TimeSource ts;
    private final ExecutionBackend backend;
    private final EngineListener listener;
    private final RunMetrics metrics;
    private final List<Device> devices;
    private final Residency residency;
    private final Sides sides;
    private final TimeSeries timeSeries;
    private final EngineEstimates estimates;
    private final ArrivalIntake intake;
    private final AdmissionStage admission;
    private final Launcher launcher;
    private final Dispatcher dispatcher;

    private long events;
    private boolean finished;
    /** why the backend gave up (null while it runs) */
    private String abortReason;

    private long abortedAtUs;
    /** arrivals of the workload that never arrived because the run was aborted */
    private long notArrived;

    private RunResult result;

    public Engine(
            EngineConfig cfg,
            Workload workload,
            ExecutionBackend backend,
            TimeSource ts,
            EngineListener listener,
            TimeSeriesSink seriesSink) {
        this.cfg = cfg;
        this.fns = workload.functions();
        this.ts = ts;
        this.backend = backend;
        this.devices = DeviceSet.build(cfg);
        List<Device> gpus = DeviceSet.of(devices, DeviceKind.GPU);
        List<Device> cpus = DeviceSet.of(devices, DeviceKind.CPU);
        ExecutionModel model = cfg.executionModel();
        Placement placement = cfg.placement().factory().create(cfg.placementParams(), fns);
        this.estimates = new EngineEstimates(this, cfg, model, gpus);
        Target[] fixed = PlacementCheck.fixedTargets(placement, fns);
        this.metrics = new RunMetrics(cfg, fns, devices, PlacementCheck.isolatedMs(fixed, fns, gpus, model));
        this.timeSeries = new TimeSeries(this, seriesSink == null ? TimeSeriesSink.NONE : seriesSink, cfg.intervalUs());
        this.listener = new RunListeners(metrics, timeSeries, listener);
        this.residency = new Residency(model.memory(), backend, this.listener);
        PlacementCheck.hardware(cfg, fixed, gpus, cpus);
        this.sides = new Sides(
                gpus.isEmpty() ? null : new Side(this, cfg.policy().factory(), cfg.policyParams(), gpus, true),
                cpus.isEmpty() ? null : new Side(this, cfg.policy().factory(), cfg.policyParams(), cpus, false));
        DeviceSet.checkFootprints(cfg, gpus, fns);
        this.admission =
                new AdmissionStage(cfg.admission().factory().create(cfg.admissionParams()), placement, estimates, this);
        this.launcher = new Launcher(residency, backend, model, this.listener, ts);
        this.dispatcher = new Dispatcher(this, launcher, residency, ts);
        this.intake = new ArrivalIntake(workload.arrivals().get(), fns);
        backend.attach(new BackendReports(this, launcher, dispatcher));
    }

    // ------------------------------------------------------------------ the loop

    /** Processes one event or one arrival. Returns false when the run has nothing left to do. */
    public boolean step() {
        if (finished) return false;
        long until = intake.nextUs();
        long next = Math.min(until, ts.peekNextUs());
        if (next != Long.MAX_VALUE) timeSeries.before(next);
        if (ts.runNext(until)) {
            events++;
            return true;
        }
        if (intake.pending()) {
            Invocation inv = intake.take(ts.nowUs());
            listener.arrived(inv);
            admission.arrived(inv);
            events++;
            return true;
        }
        if (inFlight() > 0 || queued() > 0 || admission.parked() > 0) {
            if (ts.pending() == 0 && !ts.fedFromOutside()) {
                throw new IllegalStateException("engine stalled at " + ts.nowUs() + " us with " + inFlight()
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
        long unfinished = intake.arrived() - ended();
        String why = unfinished == 0 ? null : unfinished + " invocations did not finish";
        if (abortReason != null) {
            why = String.format(
                            Locale.ROOT,
                            "aborted at %.3f s: %s; %d arrivals of the workload were not run",
                            abortedAtUs / 1e6,
                            abortReason,
                            notArrived)
                    + (why == null ? "" : "; " + why);
        }
        result = new RunResult(
                metrics.result(ts.nowUs(), events, (System.nanoTime() - wall0) / 1_000_000, unfinished),
                why == null,
                why);
        return result;
    }

    private void finish() {
        if (finished) return;
        finished = true;
        timeSeries.end(ts.nowUs());
        intake.close();
        checkInvariants();
    }

    private long ended() {
        return metrics.completed() + metrics.rejected() + metrics.dropped() + metrics.failed();
    }

    /** Conservation and capacity invariants; throws IllegalStateException naming the broken one. */
    public void checkInvariants() {
        long ended = ended();
        if (intake.arrived() != ended + inFlight() + queued() + parked()) {
            throw new IllegalStateException("conservation: arrived " + intake.arrived() + " != ended " + ended
                    + " + in flight " + inFlight() + " + queued " + queued() + " + parked " + parked());
        }
        for (Device d : devices) {
            if (d.inFlight() > d.dMax() || d.inFlight() < 0)
                throw new IllegalStateException(d.name + ": tokens exceeded");
            if (d.executing() > d.inFlight()) throw new IllegalStateException(d.name + ": executing above in flight");
        }
        sides.checkInvariants();
    }

    /**
     * The backend can no longer run anything (or the user stopped a live run): no more arrivals are
     * taken, parked invocations end as failed, and the run is reported as incomplete.
     */
    public void abort(String reason) {
        if (abortReason != null || finished) return;
        abortReason = reason == null ? "the backend stopped" : reason;
        abortedAtUs = ts.nowUs();
        notArrived = intake.abandon();
        admission.failParked(abortReason);
    }

    /**
     * Releases the backend (a live backend removes its containers or frees its GPU memory). Call it
     * when done with the engine, finished or not; to stop a live run early, {@link #abort} it first.
     */
    public void close() {
        backend.close();
    }

    // ------------------------------------------------------------------ for the parts

    /** Ends {@code inv} now with {@code outcome} and, unless completed, its reason. */
    void end(Invocation inv, Outcome outcome, String reason) {
        inv.outcome = outcome;
        inv.reason = reason;
        inv.endUs = ts.nowUs();
        listener.finished(inv);
    }

    /** A policy of {@code s} reported a flow's new state. */
    void flowStateChanged(Side s, int fn, FlowState from, FlowState to) {
        listener.flowStateChanged(fn, from, to, ts.nowUs());
        dispatcher.flowStateChanged(s, fn, to);
    }

    /** The sides that exist: the GPUs' and the CPU pool's. */
    Sides sides() {
        return sides;
    }

    AdmissionStage admission() {
        return admission;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    EngineEstimates estimator() {
        return estimates;
    }

    double meanIatUs(int fn) {
        return intake.meanIatUs(fn);
    }

    List<FunctionSpec> functions() {
        return fns;
    }

    /** The devices holding a container of {@code fn}, each with its containers of it. */
    Holders holders(int fn) {
        return residency.holders(fn);
    }

    // ------------------------------------------------------------------ views for the UI and tests

    public TimeSource time() {
        return ts;
    }

    /** Why the run was aborted, or null. */
    public String abortReason() {
        return abortReason;
    }

    /** The name of the backend this engine runs on (sim, docker, cuda). */
    public String backendName() {
        return backend.name();
    }

    public List<Device> devices() {
        return devices;
    }

    /**
     * For what-if reruns: invocation {@code invocationId} is bound to device {@code deviceIndex}
     * instead of the one the engine would choose, if that device can take it at that moment (a free
     * token, its gate open); otherwise the engine's choice stands. Policies that pin devices decide
     * the device themselves and are not affected.
     */
    public void forceDevice(long invocationId, int deviceIndex) {
        dispatcher.forceDevice(invocationId, deviceIndex);
    }

    /** The engine's estimates (as offered to placement, admission control and policies). */
    public Estimates estimates() {
        return estimates;
    }

    /** Invocations parked by admission control. */
    public int parked() {
        return admission.parked();
    }

    public int queued() {
        return sides.queued();
    }

    public long inFlight() {
        return sides.running();
    }

    public long arrived() {
        return intake.arrived();
    }

    public long events() {
        return events;
    }

    public long timeUs() {
        return ts.nowUs();
    }

    public boolean isFinished() {
        return finished;
    }

    public RunMetrics metrics() {
        return metrics;
    }

    public EngineConfig config() {
        return cfg;
    }

    /** The GPU side's queues (null without GPUs). */
    public PolicySnapshot gpuSnapshot() {
        return sides.gpu() == null ? null : sides.gpu().policy.snapshot();
    }

    /** The GPU side's policy instance (for tests and the UI). */
    public Policy gpuPolicy() {
        return sides.gpu() == null ? null : sides.gpu().policy;
    }

    public Policy cpuPolicy() {
        return sides.cpu() == null ? null : sides.cpu().policy;
    }

    public RunResult result() {
        return result;
    }
}
