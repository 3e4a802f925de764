package gpufaas.views.run;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.TimeSeriesSink;

/**
 * Makes engines: on the simulator ({@link #create}, virtual time) and, for plans whose backend is a
 * live one (Docker, CUDA), on that backend and the wall clock ({@link #createLive}).
 */
@FunctionalInterface
public interface EngineFactory {
    Engine create(EngineConfig config, Workload workload, EngineListener listener, TimeSeriesSink series);

    /**
     * An engine on the plan's live backend and the wall clock; the caller closes it
     * ({@link Engine#close()}). Throws {@link BadInputException} with the
     * reason when the backend cannot start.
     */
    default Engine createLive(RunPlan plan, Workload workload, EngineListener listener) {
        throw new BadInputException(
                "backend", 0, null, "backend '" + plan.spec().backend() + "' cannot run in this window");
    }
}
