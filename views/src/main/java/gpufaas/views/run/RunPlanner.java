package gpufaas.views.run;

import gpufaas.engine.model.BadInputException;
import gpufaas.workload.experiment.ExperimentSpec;
import java.nio.file.Path;

/**
 * Resolves an experiment into a {@link RunPlan} the way the command line does (the application
 * supplies it, so the GUI and {@code ./workbench run} plan alike). Bad input is a
 * {@link BadInputException} with one line naming the field.
 */
@FunctionalInterface
public interface RunPlanner {
    RunPlan plan(ExperimentSpec spec, Path baseDir);
}
