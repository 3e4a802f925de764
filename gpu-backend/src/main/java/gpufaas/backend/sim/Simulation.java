package gpufaas.backend.sim;

import gpufaas.engine.model.Workload;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.RunResult;
import gpufaas.engine.run.TimeSeriesSink;
import gpufaas.engine.time.VirtualTimeSource;

/** One simulated run: the engine on virtual time with the simulated backend. */
public final class Simulation {
    private Simulation() {}

    /** An engine ready to step (for paced runs and tests). */
    public static Engine engine(EngineConfig cfg, Workload workload, EngineListener listener, TimeSeriesSink series) {
        return new Engine(cfg, workload, new SimulatedBackend(cfg), new VirtualTimeSource(), listener, series);
    }

    /** Runs to the end. */
    public static RunResult run(EngineConfig cfg, Workload workload, EngineListener listener, TimeSeriesSink series) {
        return engine(cfg, workload, listener, series).run();
    }
}
