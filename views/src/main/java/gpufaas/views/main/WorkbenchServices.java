package gpufaas.views.main;

import gpufaas.views.compare.PublishedValues;
import gpufaas.views.run.BackendOption;
import gpufaas.views.run.EngineFactory;
import gpufaas.views.run.ResultExporter;
import gpufaas.views.run.RunPlanner;
import java.util.List;

/**
 * What the application gives the window: the planner and the engine factory of the command line,
 * the result exporter (the command line's writers), the backends with their availability, the
 * version, an optional cap on engine events per second (0: none; the responsiveness harness sets
 * it), the published values of the reproduction's report for Compare, and the reproduction itself.
 */
public record WorkbenchServices(
        RunPlanner planner,
        EngineFactory engines,
        ResultExporter exporter,
        List<BackendOption> backends,
        String version,
        double maxEventsPerSecond,
        PublishedValues published,
        Reproducer reproducer) {
    public WorkbenchServices {
        backends = List.copyOf(backends);
        if (published == null) published = PublishedValues.NONE;
        if (reproducer == null) reproducer = Reproducer.NONE;
    }

    /** Services without published values or a reproduction (tests). */
    public WorkbenchServices(
            RunPlanner planner,
            EngineFactory engines,
            ResultExporter exporter,
            List<BackendOption> backends,
            String version,
            double maxEventsPerSecond) {
        this(planner, engines, exporter, backends, version, maxEventsPerSecond, null, null);
    }

    public WorkbenchServices withMaxEventsPerSecond(double rate) {
        return new WorkbenchServices(planner, engines, exporter, backends, version, rate, published, reproducer);
    }

    public WorkbenchServices withPublished(PublishedValues values) {
        return new WorkbenchServices(
                planner, engines, exporter, backends, version, maxEventsPerSecond, values, reproducer);
    }

    public WorkbenchServices withReproducer(Reproducer r) {
        return new WorkbenchServices(planner, engines, exporter, backends, version, maxEventsPerSecond, published, r);
    }
}
