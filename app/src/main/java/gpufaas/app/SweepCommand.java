package gpufaas.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpufaas.engine.model.BadInputException;
import gpufaas.workload.experiment.ExperimentJson;
import gpufaas.workload.experiment.InputFile;
import gpufaas.workload.experiment.SweepExpander;
import gpufaas.workload.experiment.SweepPoint;
import gpufaas.workload.io.ManifestWriter;
import gpufaas.workload.io.RunOutput;
import gpufaas.workload.io.SweepCsvWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./workbench sweep}: every list value of an experiment is an axis; one folder per point plus sweep.csv. */
@Command(
        name = "sweep",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs every point of an experiment whose list values are axes (e.g. \"policy\": [\"fcfs\", "
                    + "\"mqfq-sticky\"], \"params\": {\"D\": [1, 2]}): the cartesian product, first axis slowest.",
            "Writes one folder per point (NNN-LABEL, the files of run) and sweep.csv (point, folder, the axes, "
                    + "then the summary fields) to the output folder.",
            "Points run on this machine's cores, or with --cluster on a Spark standalone cluster (the same files)."
        })
final class SweepCommand implements Callable<Integer> {
    static final String SWEEP_CSV = "sweep.csv";

    @ParentCommand
    Main main;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--experiment", paramLabel = "FILE.json", required = true, description = "the experiment with axes")
    Path experiment;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "output folder")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", description = "points run at once (default: available processors)")
    Integer parallel;

    @Option(names = "--no-invocations", description = "skip invocations.csv in every point")
    boolean noInvocations;

    @Option(names = "--force", description = "write into a non-empty folder that is not an earlier output of this tool")
    boolean force;

    @Option(
            names = "--cluster",
            paramLabel = "URL",
            description = "run the points on a cluster: spark://HOST:PORT "
                    + "(a Spark 4.2 standalone master; ${ROOT-COMMAND-NAME} cluster starts one)")
    String cluster;

    @Option(
            names = "--shared-dir",
            paramLabel = "DIR",
            description = "with --cluster: a folder every machine sees at the "
                    + "same path, holding the inputs and --out; points read and write there (default: inputs are shipped to "
                    + "the executors and result folders come back)")
    Path sharedDir;

    @Option(
            names = "--cluster-conf",
            paramLabel = "KEY=VALUE",
            description = "with --cluster: a setting for the "
                    + "cluster's engine, e.g. spark.executor.memory=4g (repeatable)")
    Map<String, String> clusterConf = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        if (parallel != null && parallel < 1)
            throw new BadInputException("--parallel", 0, null, "must be >= 1, got " + parallel);
        SweepCluster engine = clusterEngine();
        BaseInput.requireFile(experiment, "--experiment");
        byte[] bytes = read();
        String source = experiment.toString();
        ObjectNode tree = ExperimentJson.readTree(bytes, source);
        List<SweepExpander.Axis> axes = SweepExpander.axes(tree);
        List<SweepPoint> points = SweepExpander.expand(tree);
        InputFile self = new InputFile("experiment", source, BaseInput.sha256(bytes));
        Path base = experiment.toAbsolutePath().getParent();
        int width = Math.max(3, Integer.toString(points.size() - 1).length());

        List<SweepTask> tasks = new ArrayList<>();
        List<SweepCsvWriter.Point> rows = new ArrayList<>();
        Map<String, List<Integer>> notes = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            SweepPoint p = points.get(i);
            String folder =
                    String.format("%0" + width + "d", i) + (axes.isEmpty() ? "" : "-" + Planner.sanitize(p.label()));
            Path dir = out.resolve(folder);
            SweepTask t = new SweepTask(
                    i,
                    p.label().isEmpty() ? "single point" : p.label(),
                    p.experiment().toString(),
                    base.toString(),
                    dir.toString(),
                    !noInvocations,
                    force,
                    main.args,
                    List.of(self),
                    List.of());
            RunSetup setup = PointRunner.plan(t); // every point is checked before anything runs
            for (String n : setup.notes())
                notes.computeIfAbsent(n, k -> new ArrayList<>()).add(i);
            tasks.add(t.withFiles(setup.inputs()));
            rows.add(new SweepCsvWriter.Point(i, folder, axisValues(axes, p.experiment()), dir));
        }
        notes.forEach((n, at) -> main.err.println("note: " + n + " (point" + (at.size() == 1 ? " " : "s ")
                + at.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")"));
        if (sharedDir != null) requireShared(tasks);

        Progress progress = new Progress(main.err, main.realConsole && Progress.terminal());
        try (RunOutput sweep = RunOutput.open(out, force);
                SweepExecutor executor = engine == null
                        ? new LocalSweepExecutor(parallel == null ? 0 : parallel)
                        : engine.connect(new SweepCluster.Connection(cluster, sharedDir, clusterConf, main.err))) {
            for (SweepCsvWriter.Point r : rows) sweep.folder(r.folder());
            Path csv = sweep.part(SWEEP_CSV);
            progress.start(tasks.size(), executor.where(tasks.size()));
            try {
                executor.execute(tasks, progress);
            } catch (Exception e) {
                progress.abandon();
                throw e;
            }
            List<String> axisNames = new ArrayList<>();
            for (SweepExpander.Axis a : axes) axisNames.add(a.path());
            SweepCsvWriter.write(axisNames, rows, csv);
            ManifestWriter m = ManifestWriter.sweep(Version.get())
                    .command(main.args)
                    .input(BaseInput.manifestInput(self))
                    .backend(Planner.BACKEND);
            for (SweepExpander.Axis a : axes) m.axis(a.path(), texts(a.values()));
            sweep.commit(m);
        }
        main.out.println(points.size() + " points written to " + out + " (" + SWEEP_CSV + " has one row per point)");
        return 0;
    }

    /** The engine for --cluster (null for a local sweep), after checking the options that go with it. */
    private SweepCluster clusterEngine() {
        if (cluster == null) {
            if (sharedDir != null) throw new BadInputException("--shared-dir", 0, null, "applies only with --cluster");
            if (!clusterConf.isEmpty())
                throw new BadInputException("--cluster-conf", 0, null, "applies only with --cluster");
            return null;
        }
        if (parallel != null) {
            throw new BadInputException(
                    "--parallel", 0, null, "applies to local sweeps; on a cluster its executors' cores decide");
        }
        if (sharedDir != null && !Files.isDirectory(sharedDir)) {
            throw new BadInputException("--shared-dir", 0, null, "no such folder: " + sharedDir);
        }
        return SweepCluster.forUrl(cluster, "--cluster");
    }

    /** With --shared-dir, every file a point reads and the output folder must lie in that folder. */
    private void requireShared(List<SweepTask> tasks) {
        Path shared = sharedDir.toAbsolutePath().normalize();
        if (!out.toAbsolutePath().normalize().startsWith(shared)) {
            throw new BadInputException(
                    "--shared-dir",
                    0,
                    null,
                    "--out " + out + " is not in " + sharedDir
                            + "; with --shared-dir the inputs and the output must be in it");
        }
        for (SweepTask t : tasks) {
            for (InputFile f : t.files()) {
                if (f.path().startsWith("preset:")
                        || Path.of(f.path()).toAbsolutePath().normalize().startsWith(shared)) continue;
                throw new BadInputException(
                        "--shared-dir",
                        0,
                        null,
                        f.path() + " (" + f.role() + " of sweep point " + t.index() + ") is not in " + sharedDir
                                + "; with --shared-dir the inputs and the output must be in it");
            }
        }
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(experiment);
        } catch (IOException e) {
            throw new BadInputException("--experiment", 0, null, "cannot read " + experiment + ": " + e.getMessage());
        }
    }

    private static List<String> axisValues(List<SweepExpander.Axis> axes, JsonNode point) {
        List<String> vs = new ArrayList<>();
        for (SweepExpander.Axis a : axes) {
            JsonNode n = point;
            for (String k : a.keys()) n = n.path(k);
            vs.add(text(n));
        }
        return vs;
    }

    private static List<String> texts(List<JsonNode> values) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : values) out.add(text(v));
        return out;
    }

    private static String text(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }
}
