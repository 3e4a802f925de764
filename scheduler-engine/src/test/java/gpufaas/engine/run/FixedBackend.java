package gpufaas.engine.run;

import gpufaas.engine.backend.BackendCallbacks;
import gpufaas.engine.backend.ExecutionBackend;
import gpufaas.engine.device.Container;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.time.TimeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A backend for the engine's own tests, simple enough that a schedule can be worked out by hand:
 * <ul>
 *   <li>an execution takes the function's warm time (GPU warm time on a GPU, CPU warm time on the
 *       CPU pool), whatever else runs on the device (no slowdown from sharing);</li>
 *   <li>a container start takes cold time − warm time;</li>
 *   <li>every explicit move (prefetch or swap-out) takes {@code moveMs}, every demand-paged
 *       fault-in {@code faultMs}, whatever the footprint, and moves do not queue behind each other.</li>
 * </ul>
 * Every call is logged as {@code "<ms> <what> <function>#<invocation>"} in {@link #calls}. Without
 * an engine attached (the residency tests) calls are only logged, with time "-".
 */
public final class FixedBackend implements ExecutionBackend {
    private final long moveUs;
    private final long faultUs;
    /** Every call the engine made, in order. */
    public final List<String> calls = new ArrayList<>();

    private BackendCallbacks cb;
    private TimeSource ts;

    public FixedBackend(double moveMs, double faultMs) {
        this.moveUs = Math.round(moveMs * 1000);
        this.faultUs = Math.round(faultMs * 1000);
    }

    @Override
    public String name() {
        return "fixed";
    }

    @Override
    public void attach(BackendCallbacks callbacks) {
        this.cb = callbacks;
        this.ts = callbacks.time();
    }

    @Override
    public void createContainer(Container c, Invocation inv) {
        log("create " + c.function.name() + "#" + inv.id);
        FunctionSpec f = c.function;
        double startMs =
                c.device.kind == DeviceKind.CPU ? f.cpuColdOrWarmMs() - f.cpuWarmMs() : f.gpuColdMs() - f.gpuWarmMs();
        later(Math.round(startMs * 1000), () -> {
            if (!c.destroyed()) cb.containerReady(c, inv);
        });
    }

    @Override
    public void execute(Invocation inv, Container c) {
        log("execute " + c.function.name() + "#" + inv.id);
        FunctionSpec f = c.function;
        double ms = c.device.kind == DeviceKind.CPU ? f.cpuWarmMs() : f.gpuWarmMs();
        later(Math.round(ms * 1000), () -> cb.executed(inv, c));
    }

    @Override
    public void moveMemory(Container c, boolean toDevice) {
        log((toDevice ? "prefetch " : "swap-out ") + c.function.name());
        later(moveUs, () -> cb.memoryMoved(c, toDevice));
    }

    @Override
    public void faultIn(Container c) {
        log("fault-in " + c.function.name());
        later(faultUs, () -> cb.memoryMoved(c, true));
    }

    @Override
    public void destroyContainer(Container c) {
        log("destroy " + c.function.name());
    }

    private void later(long afterUs, Runnable r) {
        if (ts == null) return;
        ts.schedule(ts.nowUs() + afterUs, now -> r.run());
    }

    private void log(String what) {
        calls.add((ts == null ? "-" : ms(ts.nowUs())) + " " + what);
    }

    /** Microseconds as milliseconds: whole ones without a fraction. */
    static String ms(long us) {
        if (us < 0) return "-";
        return us % 1000 == 0 ? Long.toString(us / 1000) : String.format(Locale.ROOT, "%.3f", us / 1000.0);
    }
}
