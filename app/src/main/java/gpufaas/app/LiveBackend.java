package gpufaas.app;

import gpufaas.backend.cuda.CudaBackend;
import gpufaas.backend.cuda.CudaUnavailableException;
import gpufaas.backend.docker.DockerBackend;
import gpufaas.backend.docker.DockerOptions;
import gpufaas.backend.docker.FunctionImage;
import gpufaas.backend.sim.Simulation;
import gpufaas.engine.backend.ExecutionBackend;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.GpuSetup;
import gpufaas.engine.run.RunResult;
import gpufaas.engine.run.TimeSeriesSink;
import gpufaas.engine.time.WallClockTimeSource;
import gpufaas.workload.experiment.DockerSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The execution backend of one run, opened before any output is written (so an unreachable
 * engine leaves no folder behind): the simulator on virtual time, or a real backend on the wall
 * clock.
 */
final class LiveBackend implements AutoCloseable {
    /** Backends a run may name. */
    static final List<String> NAMES = List.of("sim", "docker", "cuda");

    private final String name;
    private final ExecutionBackend backend;

    private LiveBackend(String name, ExecutionBackend backend) {
        this.name = name;
        this.backend = backend;
    }

    String name() {
        return name;
    }

    /** The backend's name in lower case, or a bad-input error naming the known ones. */
    static String checkName(String name, String where, String field) {
        String n = name == null ? "sim" : name.toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new BadInputException(
                    where, 0, field, "unknown backend '" + name + "'; known: " + String.join(", ", NAMES));
        }
        return n;
    }

    /** Opens the setup's backend; notes for the user (how it runs, what it cleaned up) go to {@code notes}. */
    static LiveBackend open(RunSetup setup, Consumer<String> notes) {
        String n = setup.experiment().spec().backend().toLowerCase(Locale.ROOT);
        if (n.equals("sim")) return new LiveBackend(n, null);
        if (n.equals("docker")) {
            DockerOptions opt = options(
                    setup.experiment().spec().docker(), setup.experiment().source());
            DockerBackend b;
            try {
                b = DockerBackend.open(opt, setup.experiment().workload().functions());
            } catch (IllegalStateException e) {
                throw BadInputException.of("--backend docker", e.getMessage());
            }
            for (String note : b.notes()) notes.accept(note);
            notes.accept(String.format(
                    Locale.ROOT,
                    "docker run %s: arrivals are replayed on the wall clock "
                            + "(this takes as long as the workload lasts)",
                    b.runId()));
            return new LiveBackend(n, b);
        }
        if (n.equals("cuda")) return openCuda(setup, notes);
        throw BadInputException.of("--backend", "backend '" + n + "' cannot run experiments in this build");
    }

    /** The CUDA backend: every GPU of the experiment on a card of this host, no CPU pool, no simulated MIG. */
    private static LiveBackend openCuda(RunSetup setup, Consumer<String> notes) {
        GpuSetup hw = setup.config().hardware();
        CudaBackend.Config cfg;
        try {
            cfg = CudaBackend.availableConfig();
        } catch (CudaUnavailableException e) {
            throw BadInputException.of("--backend cuda", "CUDA is unavailable: " + e.getMessage());
        }
        if (hw.count() > cfg.devices().size()) {
            throw BadInputException.of(
                    "--gpu",
                    "the experiment has " + hw.count() + " GPUs, this host has "
                            + cfg.devices().size() + " CUDA device(s)");
        }
        if (hw.mig() != null && !hw.mig().isBlank()) {
            throw BadInputException.of(
                    "--mig",
                    "the CUDA backend runs on whole cards; MIG instances are read, not made "
                            + "(never changed by the workbench): leave --mig out");
        }
        if (hw.cpuCores() > 0) {
            throw BadInputException.of(
                    "--cpu-cores", "the CUDA backend runs GPU functions only: leave out the CPU pool");
        }
        CudaBackend b = CudaBackend.create(cfg.withLog(line -> notes.accept("cuda: " + line)));
        notes.accept("cuda run on " + cfg.devices().size() + " device(s): arrivals are replayed on the wall clock "
                + "(this takes as long as the workload lasts)");
        return new LiveBackend("cuda", b);
    }

    /** Runs the engine on this backend to the end. */
    RunResult run(RunSetup setup, EngineListener listener, TimeSeriesSink series) {
        if (backend == null)
            return Simulation.run(setup.config(), setup.experiment().workload(), listener, series);
        Engine e = new Engine(
                setup.config(), setup.experiment().workload(), backend, new WallClockTimeSource(), listener, series);
        return e.run();
    }

    /** A live engine on this backend and the wall clock (the caller closes it, which closes the backend). */
    Engine engine(EngineConfig cfg, Workload workload, EngineListener listener) {
        if (backend == null) throw new IllegalStateException("the simulator has no live engine");
        try {
            return new Engine(cfg, workload, backend, new WallClockTimeSource(), listener, TimeSeriesSink.NONE);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    @Override
    public void close() {
        if (backend != null) backend.close();
    }

    /** The experiment's docker section as the backend's options; bad values name the file and key. */
    static DockerOptions options(DockerSpec d, String source) {
        if (d == null) return DockerOptions.DEFAULTS;
        DockerOptions def = DockerOptions.DEFAULTS;
        Map<String, FunctionImage> fns = new LinkedHashMap<>();
        for (Map.Entry<String, DockerSpec.Function> e : d.functions().entrySet()) {
            DockerSpec.Function f = e.getValue();
            fns.put(e.getKey(), new FunctionImage(f.image(), f.command(), f.keepAlive(), f.env()));
        }
        try {
            return new DockerOptions(
                    d.work() != null ? d.work() : def.work(),
                    d.memoryMb() != null ? d.memoryMb() : def.memoryMb(),
                    d.cpus() != null ? d.cpus() : def.cpus(),
                    d.pids() != null ? d.pids() : def.pids(),
                    d.execTimeoutS() != null ? d.execTimeoutS() : def.execTimeoutS(),
                    d.gpus() != null ? d.gpus() : def.gpus(),
                    fns);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(source, 0, "docker", e.getMessage());
        }
    }

    /** Functions of the workload the docker section names but the workload does not have. */
    static void checkFunctionNames(DockerSpec d, List<FunctionSpec> fns, String source) {
        if (d == null) return;
        Set<String> names = new HashSet<>();
        for (FunctionSpec f : fns) names.add(f.name());
        for (String k : d.functions().keySet()) {
            if (!names.contains(k)) {
                throw new BadInputException(
                        source, 0, "docker.functions." + k, "the workload has no function '" + k + "'");
            }
        }
    }
}
