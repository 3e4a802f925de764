package gpufaas.views.main;

import gpufaas.views.run.BackendOption;
import gpufaas.views.run.EngineFactory;
import gpufaas.views.run.ResultExporter;
import gpufaas.views.run.RunPlanner;

import java.util.List;

/**
 * What the application gives the window: the planner and the engine factory of the command line,
 * the result exporter (the command line's writers), the backends with their availability, the
 * version, and an optional cap on engine events per second (0: none; the responsiveness harness sets it).
 */
public record WorkbenchServices(RunPlanner planner, EngineFactory engines, ResultExporter exporter,
                                List<BackendOption> backends, String version, double maxEventsPerSecond) {
    public WorkbenchServices {
        backends = List.copyOf(backends);
    }

    public WorkbenchServices withMaxEventsPerSecond(double rate) {
        return new WorkbenchServices(planner, engines, exporter, backends, version, rate);
    }
}
