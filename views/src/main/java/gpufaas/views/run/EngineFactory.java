package gpufaas.views.run;

import gpufaas.engine.model.Workload;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.TimeSeriesSink;

/** Makes an engine ready to step on an execution backend (the application passes the simulator's). */
@FunctionalInterface
public interface EngineFactory {
    Engine create(EngineConfig config, Workload workload, EngineListener listener, TimeSeriesSink series);
}
