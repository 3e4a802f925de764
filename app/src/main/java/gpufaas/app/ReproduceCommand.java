package gpufaas.app;

import gpufaas.engine.model.BadInputException;
import gpufaas.workload.io.ManifestWriter;
import gpufaas.workload.io.RunOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./workbench reproduce}: the dissertation's experiments on the simulator, with a report against the published values. */
@Command(
        name = "reproduce",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Runs the published experiments of the MQFQ-Sticky dissertation (V100) on the simulator: MQFQ-Sticky, "
                    + "FCFS and Batch on the five calibration traces, the D table of trace 25.7095, the utilization cap against a "
                    + "fixed D and CPU and GPU placement on trace 25.7, and curves of T, TTL and the container pool.",
            "Writes report.md (every published number beside the simulator's, with the ratio and a verdict), report.csv "
                    + "and PNG charts with the published values as markers to the output folder."
        })
final class ReproduceCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/reproduce)")
    Path out = Path.of("runs", "reproduce");

    @Option(
            names = "--seeds",
            paramLabel = "N",
            description = "seeds per configuration (default 5, the published runs' count; 2 with --quick)")
    Integer seeds;

    @Option(names = "--quick", description = "two seeds and fewer curve points: about a third of the time")
    boolean quick;

    @Option(
            names = "--gpu",
            paramLabel = "PROFILE",
            description = "a device profile (built-in name or JSON path) instead of the V100")
    String gpu;

    @Option(
            names = "--param",
            paramLabel = "KEY=VALUE",
            description = "a device-level or policy parameter under every "
                    + "configuration (an experiment's own values win: the D table sets D)")
    List<String> params;

    @Option(names = "--parallel", paramLabel = "N", description = "runs at once (default: available processors)")
    Integer parallel;

    @Option(names = "--force", description = "write into a non-empty folder that is not an earlier output of this tool")
    boolean force;

    @Override
    public Integer call() throws Exception {
        int n = seeds != null ? seeds : quick ? 2 : 5;
        if (n < 1) throw new BadInputException("--seeds", 0, null, "must be >= 1, got " + n);
        if (parallel != null && parallel < 1)
            throw new BadInputException("--parallel", 0, null, "must be >= 1, got " + parallel);
        String profile = gpu == null ? null : Overrides.parseGpu(gpu)[0];
        Map<String, String> p = Overrides.parseParams(params);
        Overrides user = new Overrides(null, null, null, p, profile, null, null, null, null, null, null, null);
        int threads = parallel != null ? parallel : Runtime.getRuntime().availableProcessors();
        Progress progress = new Progress(main.err, main.realConsole && Progress.terminal(), "reproduce", "runs", false);
        Outcome o = write(out, n, quick, user, threads, force, main.args, new Listener() {
            @Override
            public void started(int total) {
                progress.start(total, threads + (threads == 1 ? " thread" : " threads"));
            }

            @Override
            public void done(int runs, int total) {
                progress.step("simulated", runs, total);
            }

            @Override
            public void failed() {
                progress.abandon();
            }
        });
        main.out.println(String.format(
                Locale.ROOT, "%d of %d targets met; report in %s", o.met(), o.targets(), out.resolve("report.md")));
        return 0;
    }

    /** What a reproduction found: targets met of all, and where its report is. */
    record Outcome(long met, long targets, Path report) {}

    /** Follows a reproduction's runs. */
    interface Listener {
        void started(int total);

        void done(int runs, int total);

        default void failed() {}
    }

    /**
     * Runs the published experiments ({@code seeds} per configuration, {@code quick}: fewer curve
     * points) on {@code threads} threads and writes the report, its CSV, the charts and the manifest
     * (last) into {@code out}: the command line's {@code reproduce} and the window's Help ▸ Reproduce
     * the paper both run this.
     */
    static Outcome write(
            Path out,
            int seeds,
            boolean quick,
            Overrides user,
            int threads,
            boolean force,
            List<String> args,
            Listener listener)
            throws Exception {
        ReproductionPlan plan = new ReproductionPlan(quick);
        List<Reproduction.Case> cases = plan.cases();
        Reproduction rep = new Reproduction(user, seeds, threads);
        rep.plan(cases); // bad --param or --gpu: one message before anything runs or is written

        int total = cases.size() * seeds;
        try (RunOutput output = RunOutput.open(out, force)) {
            listener.started(total);
            Map<String, Reproduction.CaseResult> results;
            try {
                results = rep.run(cases, done -> listener.done(done, total));
            } catch (Exception e) {
                listener.failed();
                throw e;
            }
            ReproductionReport report = new ReproductionReport(plan, results);
            List<String> names = ReproductionCharts.write(report, output::part);
            Files.writeString(output.part("report.csv"), ReproductionDocument.csv(report), StandardCharsets.UTF_8);
            String md = ReproductionDocument.markdown(report, seeds, quick, args, Version.get(), names);
            Files.writeString(output.part("report.md"), md, StandardCharsets.UTF_8);
            output.commit(ManifestWriter.reproduction(Version.get()).command(args));
            return new Outcome(report.met(), report.targets(), out.resolve("report.md"));
        }
    }
}
