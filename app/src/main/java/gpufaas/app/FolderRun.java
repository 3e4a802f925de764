package gpufaas.app;

import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.RunResult;
import gpufaas.workload.experiment.InputFile;
import gpufaas.workload.io.InvocationCsvWriter;
import gpufaas.workload.io.ManifestWriter;
import gpufaas.workload.io.RunOutput;
import gpufaas.workload.io.SummaryCsvWriter;
import gpufaas.workload.io.SummaryJsonWriter;
import gpufaas.workload.io.TimeSeriesCsvWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a {@link RunSetup} on its backend into a result folder: invocations.csv (unless turned
 * off) and timeseries.csv streamed during the run, then summary.csv, summary.json and, last,
 * manifest.json. A failure removes what was written (see {@link RunOutput}).
 */
final class FolderRun {
    static final String INVOCATIONS = "invocations.csv";
    static final String TIMESERIES = "timeseries.csv";
    static final String SUMMARY_CSV = "summary.csv";
    static final String SUMMARY_JSON = "summary.json";

    private FolderRun() {}

    static RunResult execute(RunSetup setup, Path dir, boolean force, boolean invocations, List<String> command) {
        return execute(setup, dir, force, invocations, command, List.of(), null, n -> {});
    }

    static RunResult execute(
            RunSetup setup,
            Path dir,
            boolean force,
            boolean invocations,
            List<String> command,
            List<InputFile> extraInputs,
            SweepTask point) {
        return execute(setup, dir, force, invocations, command, extraInputs, point, n -> {});
    }

    /** As above for sweep point {@code point} (null for a plain run), recording the sweep's input files first. */
    static RunResult execute(
            RunSetup setup,
            Path dir,
            boolean force,
            boolean invocations,
            List<String> command,
            List<InputFile> extraInputs,
            SweepTask point,
            Consumer<String> notes) {
        try (LiveBackend backend = LiveBackend.open(setup, notes)) {
            return execute(setup, dir, force, invocations, command, extraInputs, point, backend);
        }
    }

    private static RunResult execute(
            RunSetup setup,
            Path dir,
            boolean force,
            boolean invocations,
            List<String> command,
            List<InputFile> extraInputs,
            SweepTask point,
            LiveBackend backend) {
        ManifestWriter manifest = ManifestWriter.run(Version.get())
                .command(command)
                .seed(setup.config().seed())
                .workload(setup.name())
                .config(setup.config())
                .backend(backend.name());
        if (point != null) manifest.point(point.index(), point.label());
        for (InputFile f : extraInputs) manifest.input(BaseInput.manifestInput(f));
        for (InputFile f : setup.inputs()) if (!extraInputs.contains(f)) manifest.input(BaseInput.manifestInput(f));
        try (RunOutput out = RunOutput.open(dir, force)) {
            Path inv = invocations ? out.part(INVOCATIONS) : null;
            Path ts = out.part(TIMESERIES);
            RunResult result;
            try (TimeSeriesCsvWriter series = TimeSeriesCsvWriter.create(ts);
                    InvocationCsvWriter rows = inv == null
                            ? null
                            : InvocationCsvWriter.create(
                                    inv,
                                    setup.deviceNames(),
                                    setup.experiment().workload().functions())) {
                EngineListener listener = rows == null ? null : rows;
                result = backend.run(setup, listener, series);
            }
            SummaryCsvWriter.write(result.summary(), out.part(SUMMARY_CSV));
            SummaryJsonWriter.write(result, out.part(SUMMARY_JSON));
            if (!result.complete()) manifest.incomplete(result.incompleteReason());
            out.commit(manifest);
            return result;
        }
    }
}
