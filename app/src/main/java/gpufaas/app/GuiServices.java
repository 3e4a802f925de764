package gpufaas.app;

import gpufaas.backend.cuda.CudaProbe;
import gpufaas.backend.cuda.CudaProbeResult;
import gpufaas.backend.sim.Simulation;
import gpufaas.views.main.WorkbenchServices;
import gpufaas.views.run.BackendOption;
import gpufaas.views.run.RunPlan;
import gpufaas.workload.experiment.ExperimentSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * What the GUI gets from the command line's code: the same planner ({@link Planner}), the
 * simulator's engines, and the result writer of {@code ./workbench run} ({@link FolderRun}), so an
 * experiment plans, runs and exports in the GUI exactly as on the command line.
 */
public final class GuiServices {
    static final String SOURCE = "GUI experiment";

    private GuiServices() { }

    /** The services of the command line for the GUI. */
    public static WorkbenchServices create() {
        return new WorkbenchServices(GuiServices::plan, Simulation::engine, GuiServices::export, backends(), Version.get(), 0);
    }

    static List<BackendOption> backends() {
        return List.of(
                BackendOption.available("sim", "Simulated GPUs and CPUs"),
                BackendOption.unavailable("docker", "Docker containers",
                        "the window runs experiments on the simulator; run them in real containers from the command line: "
                                + "./workbench run --backend docker (needs a Docker engine)"),
                cudaOption());
    }

    /** CUDA greyed out with the probe's reason, or, on a host with a GPU, because live runs are not wired to it yet. */
    static BackendOption cudaOption() {
        CudaProbeResult p = CudaProbe.probe();
        String why = p.available()
                ? p.summary() + ", but the window runs experiments on the simulator; run them on the card from the command line: "
                        + "./workbench run --backend cuda, or measure it with ./workbench calibrate --backend cuda"
                : "CUDA unavailable: " + p.reason();
        return BackendOption.unavailable("cuda", "CUDA (JCuda)", why);
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
        FolderRun.execute(setup(plan.spec(), plan.baseDir()), dir, false, true, List.of("gui", "export"));
        return dir;
    }
}
