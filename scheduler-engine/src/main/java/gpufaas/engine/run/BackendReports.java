package gpufaas.engine.run;

import gpufaas.engine.backend.BackendCallbacks;
import gpufaas.engine.device.Container;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.time.TimeSource;

/**
 * The adaptor through which a backend reports to the engine, on the engine's thread: each report
 * goes to the part that handles it (set-up and memory moves to the {@link Launcher}, ends of
 * executions to the {@link Dispatcher}, an abort to the {@link Engine}). Package-private, so the
 * engine's public face has no backend callbacks.
 */
final class BackendReports implements BackendCallbacks {
    private final Engine engine;
    private final Launcher launcher;
    private final Dispatcher dispatcher;

    BackendReports(Engine engine, Launcher launcher, Dispatcher dispatcher) {
        this.engine = engine;
        this.launcher = launcher;
        this.dispatcher = dispatcher;
    }

    @Override
    public TimeSource time() {
        return engine.time();
    }

    @Override
    public void containerReady(Container c, Invocation inv) {
        launcher.containerReady(c, inv);
    }

    @Override
    public void memoryMoved(Container c, boolean toDevice) {
        launcher.memoryMoved(c, toDevice);
    }

    @Override
    public void executed(Invocation inv, Container c) {
        dispatcher.ended(inv, c, null);
    }

    @Override
    public void failed(Invocation inv, Container c, String reason) {
        dispatcher.ended(inv, c, reason == null ? "failed" : reason);
    }

    @Override
    public void abort(String reason) {
        engine.abort(reason);
    }
}
