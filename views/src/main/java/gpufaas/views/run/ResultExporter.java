package gpufaas.views.run;

import java.nio.file.Path;

/**
 * Writes a run's result folder (invocations.csv, summary.csv, summary.json, timeseries.csv,
 * manifest.json) with the command line's own code, so the files equal {@code ./workbench run}'s
 * for the same experiment and seed. Blocking; called off the FX thread.
 */
@FunctionalInterface
public interface ResultExporter {
    /** Writes the folder and returns it; bad input or an unusable folder is a BadInputException. */
    Path export(RunPlan plan, Path dir);
}
