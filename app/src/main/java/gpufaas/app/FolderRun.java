package gpufaas.app;

import gpufaas.backend.sim.Simulation;
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

/**
 * Runs a {@link RunSetup} on the simulator into a result folder: invocations.csv (unless turned
 * off) and timeseries.csv streamed during the run, then summary.csv, summary.json and, last,
 * manifest.json. A failure removes what was written (see {@link RunOutput}).
 */
final class FolderRun {
    static final String INVOCATIONS = "invocations.csv";
    static final String TIMESERIES = "timeseries.csv";
    static final String SUMMARY_CSV = "summary.csv";
    static final String SUMMARY_JSON = "summary.json";

    private FolderRun() { }

    static RunResult execute(RunSetup setup, Path dir, boolean force, boolean invocations, List<String> command) {
        return execute(setup, dir, force, invocations, command, List.of(), null);
    }

    /** As above for sweep point {@code point} (null for a plain run), recording the sweep's input files first. */
    static RunResult execute(RunSetup setup, Path dir, boolean force, boolean invocations, List<String> command,
                             List<InputFile> extraInputs, SweepTask point) {
        ManifestWriter manifest = ManifestWriter.run(Version.get()).command(command).seed(setup.config().seed())
                .workload(setup.name()).config(setup.config()).backend(Planner.BACKEND);
        if (point != null) manifest.point(point.index(), point.label());
        for (InputFile f : extraInputs) manifest.input(BaseInput.manifestInput(f));
        for (InputFile f : setup.inputs()) if (!extraInputs.contains(f)) manifest.input(BaseInput.manifestInput(f));
        try (RunOutput out = RunOutput.open(dir, force)) {
            Path inv = invocations ? out.part(INVOCATIONS) : null;
            Path ts = out.part(TIMESERIES);
            RunResult result;
            try (TimeSeriesCsvWriter series = TimeSeriesCsvWriter.create(ts);
                 InvocationCsvWriter rows = inv == null ? null
                         : InvocationCsvWriter.create(inv, setup.deviceNames(), setup.experiment().workload().functions())) {
                EngineListener listener = rows == null ? null : rows;
                result = Simulation.run(setup.config(), setup.experiment().workload(), listener, series);
            }
            SummaryCsvWriter.write(result.summary(), out.part(SUMMARY_CSV));
            SummaryJsonWriter.write(result, out.part(SUMMARY_JSON));
            out.commit(manifest);
            return result;
        }
    }
}
