package gpufaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import gpufaas.engine.run.RunResult;
import gpufaas.workload.experiment.ExperimentJson;
import gpufaas.workload.experiment.ExperimentSpec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Runs one {@link SweepTask}: reads its experiment JSON, plans it like {@code run} and writes its folder. */
final class PointRunner {
    private PointRunner() { }

    /** The input of a point, validated (used before the sweep starts and by each task). */
    static RunSetup plan(SweepTask task) {
        String source = "sweep point " + task.index() + " (" + task.label() + ")";
        JsonNode tree = ExperimentJson.readTree(task.experiment().getBytes(StandardCharsets.UTF_8), source);
        ExperimentSpec spec = ExperimentJson.fromTree(tree, source);
        Path base = task.baseDir() == null ? null : Path.of(task.baseDir());
        if (!spec.backend().equalsIgnoreCase(Planner.BACKEND)) {
            throw new gpufaas.engine.model.BadInputException(source, 0, "backend", "sweeps run on the simulator; "
                    + "run each " + spec.backend() + " point with " + LauncherName.command() + " run");
        }
        return Planner.plan(new BaseInput(spec, base, source, List.of()), Overrides.NONE);
    }

    static RunResult run(SweepTask task) {
        RunSetup setup = plan(task);
        return FolderRun.execute(setup, Path.of(task.outDir()), task.force(), task.invocations(), task.command(),
                task.inputs(), task);
    }
}
