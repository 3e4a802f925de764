package gpufaas.app;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.run.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./workbench run}: one headless simulated run into a result folder. */
@Command(
        name = "run",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs one simulation and writes invocations.csv, summary.csv, summary.json, timeseries.csv "
                    + "and manifest.json to the output folder.",
            "Input: exactly one of --preset, --experiment, or --trace with --functions. Values given here "
                    + "override the input's; --param pairs are merged over its parameters."
        })
final class RunCommand implements Callable<Integer> {
    enum Switch {
        on,
        off
    }

    enum Backend {
        sim,
        docker,
        cuda
    }

    @ParentCommand
    Main main;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description = "a built-in preset (see: ${ROOT-COMMAND-NAME} presets)")
    String preset;

    @Option(names = "--experiment", paramLabel = "FILE.json", description = "an experiment file")
    Path experiment;

    @Option(names = "--trace", paramLabel = "TRACE.csv", description = "arrivals: func_name,invoke_time_ms")
    Path trace;

    @Option(
            names = "--functions",
            paramLabel = "FUNCS.csv",
            description = "functions: func_name,cold_dur_ms,warm_dur_ms,mem_mb plus optional columns")
    Path functions;

    @Option(
            names = "--policy",
            paramLabel = "NAME",
            description = "queueing policy (see: ${ROOT-COMMAND-NAME} policies)")
    String policy;

    @Option(names = "--admission", paramLabel = "NAME", description = "admission control")
    String admission;

    @Option(names = "--placement", paramLabel = "NAME", description = "CPU/GPU placement")
    String placement;

    @Option(
            names = "--param",
            paramLabel = "KEY=VALUE",
            description = "a policy or device parameter, repeatable (e.g. T=5, ttl=1.5xIAT, D=2, util=95)")
    List<String> params = new ArrayList<>();

    @Option(
            names = "--gpu",
            paramLabel = "PROFILE[xN]",
            description =
                    "GPU profile (built-in name or profile JSON), optionally xN GPUs; without xN the input's count stays")
    String gpu;

    @Option(
            names = "--mig",
            paramLabel = "PROFILE",
            description = "partition each GPU into MIG instances (none: no MIG)")
    String mig;

    @Option(names = "--mps", paramLabel = "on|off", description = "share each GPU through MPS")
    Switch mps;

    @Option(names = "--cpu-cores", paramLabel = "N", description = "CPU cores for CPU placement")
    Integer cpuCores;

    @Option(
            names = "--backend",
            paramLabel = "sim|docker|cuda",
            description =
                    "execution backend: sim (default), docker (real containers) or cuda (real kernels on this host's GPUs), both on the wall clock")
    Backend backend;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: the input's, else 1)")
    Long seed;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            description = "length of generated arrivals (a trace is cut there)")
    Double duration;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "time-series interval (default 1)")
    String interval;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/NAME-POLICY)")
    Path out;

    @Option(
            names = "--no-invocations",
            description = "skip invocations.csv (summaries and time series are still written)")
    boolean noInvocations;

    @Option(names = "--force", description = "write into a non-empty folder that is not an earlier output of this tool")
    boolean force;

    @Override
    public Integer call() {
        BaseInput base = input();
        RunSetup setup = Planner.plan(base, overrides());
        for (String n : setup.notes()) main.err.println("note: " + n + " (set in " + base.source() + ")");
        Path dir = out != null ? out : Planner.defaultOut(setup);
        long t0 = System.nanoTime();
        RunResult r = FolderRun.execute(
                setup, dir, force, !noInvocations, main.args, List.of(), null, n -> main.err.println("note: " + n));
        double wallS = (System.nanoTime() - t0) / 1e9;
        Report.run(main.out, setup, r, dir, wallS);
        if (!r.complete() && !setup.experiment().spec().backend().equalsIgnoreCase(Planner.BACKEND)) {
            main.err.println(
                    "error: the run did not complete: " + r.incompleteReason() + " (what it has is in " + dir + ")");
            return Errors.INTERNAL;
        }
        return 0;
    }

    private BaseInput input() {
        int kinds =
                (preset != null ? 1 : 0) + (experiment != null ? 1 : 0) + (trace != null || functions != null ? 1 : 0);
        if (kinds != 1) {
            throw BadInputException.of(
                    "run",
                    "give exactly one input: --preset NAME, --experiment FILE.json, "
                            + "or --trace TRACE.csv with --functions FUNCS.csv");
        }
        if (preset != null) return BaseInput.preset(preset);
        if (experiment != null) return BaseInput.experiment(experiment);
        if (trace == null)
            throw new BadInputException("--trace", 0, null, "is required with --functions (the arrivals)");
        if (functions == null)
            throw new BadInputException("--functions", 0, null, "is required with --trace (the functions)");
        return BaseInput.trace(trace, functions);
    }

    private Overrides overrides() {
        Map<String, String> p = new LinkedHashMap<>(Overrides.parseParams(params));
        if (interval != null) p.put("interval", interval);
        String profile = null;
        Integer count = null;
        if (gpu != null) {
            String[] g = Overrides.parseGpu(gpu);
            profile = g[0];
            if (g[1] != null) count = Integer.parseInt(g[1]);
        }
        if (cpuCores != null && cpuCores < 0)
            throw new BadInputException("--cpu-cores", 0, null, "must be >= 0, got " + cpuCores);
        if (duration != null && !(duration > 0 && Double.isFinite(duration))) {
            throw new BadInputException("--duration", 0, null, "must be a number of seconds > 0, got " + duration);
        }
        return new Overrides(
                policy,
                admission,
                placement,
                p,
                profile,
                count,
                mig,
                mps == null ? null : mps == Switch.on,
                cpuCores,
                seed,
                duration,
                backend == null ? null : backend.name().toLowerCase(Locale.ROOT));
    }
}
