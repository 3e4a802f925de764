package gpufaas.app;

import gpufaas.backend.cuda.CudaProbe;
import gpufaas.backend.cuda.CudaProbeResult;
import gpufaas.backend.sim.Simulation;
import gpufaas.engine.metrics.RunSummary;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.TimeSeriesSink;
import gpufaas.views.compare.PublishedValues;
import gpufaas.views.main.Reproducer;
import gpufaas.views.main.WorkbenchServices;
import gpufaas.views.run.BackendOption;
import gpufaas.views.run.EngineFactory;
import gpufaas.views.run.RunPlan;
import gpufaas.workload.calibration.DissertationTraces;
import gpufaas.workload.calibration.PublishedResults;
import gpufaas.workload.experiment.ExperimentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What the GUI gets from the command line's code: the same planner ({@link Planner}), the
 * simulator's engines, and the result writer of {@code ./workbench run} ({@link FolderRun}), so an
 * experiment plans, runs and exports in the GUI exactly as on the command line.
 */
public final class GuiServices {
    static final String SOURCE = "GUI experiment";

    private GuiServices() {}

    /** The services of the command line for the GUI. */
    public static WorkbenchServices create() {
        return new WorkbenchServices(
                GuiServices::plan,
                new Engines(),
                GuiServices::export,
                backends(),
                Version.get(),
                0,
                GuiServices::published,
                GuiServices::reproduce);
    }

    /**
     * The reproduction report's calibration rows for a comparison of one of the dissertation's
     * traces (the experiment named {@code diss-TRACE}): the same rows, targets and verdicts as
     * {@code report.md}, from this comparison's one seed.
     */
    static List<PublishedValues.PublishedRow> published(ExperimentSpec spec, Map<String, RunSummary> byPolicy) {
        String name = spec.name() == null ? "" : spec.name();
        if (!name.startsWith(DissertationTraces.PREFIX)) return List.of();
        String trace = name.substring(DissertationTraces.PREFIX.length());
        PublishedResults.Row published = null;
        for (var r : PublishedResults.rows()) if (r.trace().equals(trace)) published = r;
        if (published == null) return List.of();
        Map<String, Reproduction.CaseResult> results = new LinkedHashMap<>();
        byPolicy.forEach((policy, s) -> results.put(
                policy,
                new Reproduction.CaseResult(
                        Reproduction.Case.of(policy, trace, policy), List.of(Reproduction.Measure.of(s, Double.NaN)))));
        List<PublishedValues.PublishedRow> out = new ArrayList<>();
        for (ReproductionReport.Row r : ReproductionReport.calibrationRows(published, results)) {
            out.add(new PublishedValues.PublishedRow(
                    r.row(),
                    r.column(),
                    r.unit(),
                    r.published(),
                    r.simulated(),
                    r.ratio(),
                    r.target().label,
                    r.verdict()));
        }
        return out;
    }

    /** {@code reproduce --quick} into {@code out} with the command's own code. */
    static Reproducer.Result reproduce(Path out, BiConsumer<Integer, Integer> progress) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ReproduceCommand.Outcome o = ReproduceCommand.write(
                out,
                2,
                true,
                Overrides.NONE,
                threads,
                false,
                List.of("reproduce", "--quick", "--out", out.toString()),
                new ReproduceCommand.Listener() {
                    @Override
                    public void started(int n) {
                        progress.accept(0, n);
                    }

                    @Override
                    public void done(int runs, int n) {
                        progress.accept(runs, n);
                    }
                });
        return new Reproducer.Result(o.report(), o.met(), o.targets());
    }

    static List<BackendOption> backends() {
        return List.of(BackendOption.available("sim", "Simulated GPUs and CPUs"), dockerOption(), cudaOption());
    }

    /**
     * Docker offered where an engine can be addressed: DOCKER_HOST set, or the local socket present
     * (checked without connecting, so start-up stays fast; a run that cannot reach it says why).
     */
    static BackendOption dockerOption() {
        String host = System.getenv("DOCKER_HOST");
        if (host == null) host = System.getProperty("DOCKER_HOST");
        if ((host != null && !host.isBlank()) || Files.exists(Path.of("/var/run/docker.sock"))) {
            return BackendOption.available("docker", "Docker containers (live, real time)");
        }
        return BackendOption.unavailable(
                "docker",
                "Docker containers",
                "no Docker engine: /var/run/docker.sock does not exist and DOCKER_HOST is not set (start dockerd)");
    }

    /** CUDA offered where the probe finds a device, else greyed out with the probe's reason. */
    static BackendOption cudaOption() {
        CudaProbeResult p = CudaProbe.probe();
        return p.available()
                ? BackendOption.available("cuda", "CUDA: " + p.summary() + " (live, real time)")
                : BackendOption.unavailable("cuda", "CUDA (JCuda)", "CUDA unavailable: " + p.reason());
    }

    /** The simulator's engines, and live ones on the backend a plan names (the command line's code). */
    static final class Engines implements EngineFactory {
        @Override
        public Engine create(EngineConfig config, Workload workload, EngineListener listener, TimeSeriesSink series) {
            return Simulation.engine(config, workload, listener, series);
        }

        @Override
        public Engine createLive(RunPlan plan, Workload workload, EngineListener listener) {
            RunSetup s = setup(plan.spec(), plan.baseDir());
            return LiveBackend.open(s, n -> {}).engine(plan.config(), workload, listener);
        }
    }

    static RunPlan plan(ExperimentSpec spec, Path baseDir) {
        RunSetup s = setup(spec, baseDir);
        return new RunPlan(spec, baseDir, s.config(), s.experiment().workload(), s.deviceNames(), s.notes());
    }

    private static RunSetup setup(ExperimentSpec spec, Path baseDir) {
        return Planner.plan(new BaseInput(spec, baseDir, SOURCE, List.of()), Overrides.NONE);
    }

    /** Writes the run's folder with {@code ./workbench run}'s code (the run is repeated headless from its seed). */
    static Path export(RunPlan plan, Path dir) {
        if (!plan.spec().backend().equalsIgnoreCase(Planner.BACKEND)) {
            throw BadInputException.of(
                    "export",
                    "the window exports by re-running the experiment on the "
                            + "simulator from its seed; a " + plan.spec().backend()
                            + " run cannot be repeated that way: write its files "
                            + "with " + LauncherName.command() + " run --backend "
                            + plan.spec().backend());
        }
        FolderRun.execute(setup(plan.spec(), plan.baseDir()), dir, false, true, List.of("gui", "export"));
        return dir;
    }
}
