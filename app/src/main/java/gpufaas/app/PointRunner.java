package gpufaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.run.RunResult;
import gpufaas.workload.experiment.ExperimentJson;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.InputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one {@link SweepTask}: reads its experiment JSON, plans it like {@code run} and writes its
 * folder. Public for executors that run points in other processes ({@link SweepCluster}).
 */
public final class PointRunner {
    private PointRunner() {}

    /** The input of a point, validated (used before the sweep starts and by each task). */
    static RunSetup plan(SweepTask task) {
        String source = "sweep point " + task.index() + " (" + task.label() + ")";
        JsonNode tree = ExperimentJson.readTree(task.experiment().getBytes(StandardCharsets.UTF_8), source);
        ExperimentSpec spec = ExperimentJson.fromTree(tree, source);
        Path base = task.baseDir() == null ? null : Path.of(task.baseDir());
        if (!spec.backend().equalsIgnoreCase(Planner.BACKEND)) {
            throw new BadInputException(
                    source,
                    0,
                    "backend",
                    "sweeps run on the simulator; " + "run each " + spec.backend() + " point with "
                            + LauncherName.command() + " run");
        }
        return Planner.plan(new BaseInput(spec, base, source, List.of()), Overrides.NONE);
    }

    /** Runs the point into {@link SweepTask#outDir()}. */
    public static RunResult run(SweepTask task) {
        return execute(task, plan(task));
    }

    /**
     * Runs a point whose experiment names local copies of the files it reads (a point shipped to
     * another machine). Its manifest records the files as {@link SweepTask#files()} names them (the
     * paths the sweep resolved), not the copies; each copy must have the role and checksum of the
     * file it stands for, in the same order.
     */
    public static RunResult runOnCopies(SweepTask task) {
        RunSetup copies = plan(task);
        List<InputFile> read = copies.inputs();
        List<InputFile> meant = task.files();
        boolean same = read.size() == meant.size();
        for (int i = 0; same && i < read.size(); i++) {
            same = read.get(i).role().equals(meant.get(i).role())
                    && read.get(i).sha256().equals(meant.get(i).sha256());
        }
        if (!same) {
            throw new IllegalStateException("sweep point " + task.index()
                    + " read other files here than where the sweep " + "started (a file changed meanwhile?): "
                    + describe(read) + " instead of " + describe(meant));
        }
        return execute(
                task,
                new RunSetup(
                        copies.name(),
                        copies.experiment(),
                        copies.config(),
                        copies.deviceNames(),
                        meant,
                        copies.notes()));
    }

    private static RunResult execute(SweepTask task, RunSetup setup) {
        return FolderRun.execute(
                setup, Path.of(task.outDir()), task.force(), task.invocations(), task.command(), task.inputs(), task);
    }

    private static String describe(List<InputFile> files) {
        List<String> s = new ArrayList<>();
        for (InputFile f : files)
            s.add(f.role() + " "
                    + f.sha256().substring(0, Math.min(12, f.sha256().length())));
        return s.toString();
    }
}
