package gpufaas.engine.run;

import gpufaas.engine.backend.ExecutionBackend;
import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.device.ExecutionModel;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.device.Residency;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.StartType;
import gpufaas.engine.policy.Characteristic;
import gpufaas.engine.time.TimeSource;

/**
 * Sets a dispatched invocation up on its device and starts it: its container (an idle one of its
 * function, memory on the device first, else a new one: a cold start), its memory (a prefetch, or
 * demand paging, while its code already runs) and its execution on the backend; and follows the
 * backend's reports of a container ready or memory moved.
 */
final class Launcher {
    private final Residency residency;
    private final ExecutionBackend backend;
    private final ExecutionModel model;
    private final EngineListener listener;
    private final TimeSource ts;

    Launcher(
            Residency residency,
            ExecutionBackend backend,
            ExecutionModel model,
            EngineListener listener,
            TimeSource ts) {
        this.residency = residency;
        this.backend = backend;
        this.model = model;
        this.listener = listener;
        this.ts = ts;
    }

    /**
     * Finds or creates the invocation's container on {@code d}, sets its start type and starts it
     * (or its memory's move, or its container start). Returns false when its memory cannot be had
     * yet (memory mode none): the invocation then waits on the device, holding its token.
     */
    boolean place(Side s, Invocation inv, Device d) {
        FunctionSpec f = inv.function;
        Container c = s.has(Characteristic.NO_WARM_POOL) ? null : residency.acquireIdle(d, f.id());
        if (c != null) {
            if (d.kind == DeviceKind.CPU) {
                started(inv, d, StartType.CPU);
                execute(inv, c);
            } else if (c.location() == MemoryLocation.DEVICE) {
                started(inv, d, StartType.WARM);
                execute(inv, c);
            } else {
                started(inv, d, StartType.GPU_COLD);
                c.await(inv);
                // the code starts at once and its kernels wait for the memory: a prefetch issued now (or an
                // anticipatory one still under way), or, without prefetches, demand paging
                beginExecution(inv, d, true);
                if (model.demandPaged()) residency.faultIn(c);
                else residency.prefetch(c, true);
            }
            return true;
        }
        boolean shared = d.kind == DeviceKind.GPU && s.has(Characteristic.SHARED_WORKERS);
        c = residency.create(d, f, shared);
        if (c == null) return false;
        inv.coldStart = !shared;
        started(inv, d, d.kind == DeviceKind.CPU ? StartType.CPU : shared ? StartType.GPU_COLD : StartType.COLD);
        c.await(inv);
        backend.createContainer(c, inv);
        return true;
    }

    /** The next member of a batch runs in {@code c}, which the previous one just left, under the same token. */
    void continueIn(Container c, Invocation next) {
        Device d = c.device;
        started(next, d, d.kind == DeviceKind.CPU ? StartType.CPU : StartType.WARM);
        execute(next, c);
    }

    /** A container finished its start: the invocation waiting for it runs. */
    void containerReady(Container c, Invocation inv) {
        residency.ready(c);
        c.stopAwaiting(inv);
        execute(inv, c);
    }

    /** A move ended; an invocation waiting for this memory now runs (or, already started, computes). */
    void memoryMoved(Container c, boolean toDevice) {
        if (!residency.moved(c, toDevice)) return;
        Invocation inv = c.takeAwaiting();
        if (inv == null) return;
        if (inv.startUs < 0) {
            execute(inv, c);
        } else {
            // its memory is on the device: the kernels now run their own share of the time
            inv.waitingForMemory = false;
            c.device.memoryArrived(inv.activity, ts.nowUs());
            backend.execute(inv, c);
        }
    }

    /** {@code inv} stops on its device (completed or failed) at {@code now}: its execution ends. */
    void stopped(Invocation inv, Container c, long now) {
        if (inv.startUs >= 0 && inv.endUs < 0) c.device.endExec(inv.activity, inv.waitingForMemory, now);
        c.stopAwaiting(inv);
    }

    private void started(Invocation inv, Device d, StartType type) {
        inv.startType = type;
        inv.onCpu = d.kind == DeviceKind.CPU;
        listener.dispatched(inv, d);
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
}
