package gpufaas.app;

import gpufaas.backend.sim.Simulation;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.metrics.RunSummary;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.StartType;
import gpufaas.engine.run.DeviceSet;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.RunResult;
import gpufaas.workload.calibration.DissertationTraces;
import gpufaas.workload.experiment.ExperimentJson;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.InputFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * Runs the dissertation's experiments on the simulator: each {@link Case} is one configuration of
 * one of its traces (policy, parameters, devices), run once per seed on a thread pool. The
 * command line's {@code --gpu} and {@code --param} go under every case (a case's own parameters
 * win: the D table sets D).
 */
final class Reproduction {

    /**
     * One configuration: a trace of the dissertation under a policy with parameters, on
     * {@code gpus} GPUs (the trace's V100 unless the command line names another profile) and
     * {@code cpuCores} cores, with a placement.
     */
    record Case(
            String key,
            String trace,
            String policy,
            Map<String, String> params,
            int gpus,
            int cpuCores,
            String placement) {
        Case {
            params = Map.copyOf(params);
        }

        static Case of(String key, String trace, String policy, Object... kv) {
            Map<String, String> p = new LinkedHashMap<>();
            for (int i = 0; i < kv.length; i += 2) p.put(kv[i].toString(), kv[i + 1].toString());
            return new Case(key, trace, policy, p, 1, 0, null);
        }

        Case on(int gpuCount, int cores, String placementName) {
            return new Case(key, trace, policy, params, gpuCount, cores, placementName);
        }
    }

    /**
     * One run's figures: mean end-to-end latency (s), GPU utilization as NVML reports it (%), the
     * normalized execution time (Σ execution ÷ Σ isolated execution over the completed invocations
     * that were not cold starts), the variance of per-function mean latency (s²) and cold starts (%).
     */
    record Measure(double meanS, double utilPct, double normalizedExec, double fnVarianceS2, double coldPct) {
        /** A run's measures from its summary, with its normalized execution (NaN where not measured). */
        static Measure of(RunSummary s, double normalizedExec) {
            return new Measure(
                    s.latency().meanE2eMs() / 1000,
                    s.devices().gpuUtilization() * 100,
                    normalizedExec,
                    s.fairness().fnLatencyVariance(),
                    s.starts().coldPct());
        }
    }

    /** A case's measures, one per seed (in seed order). */
    record CaseResult(Case c, List<Measure> seeds) {
        /** Geometric mean over seeds of the mean latency (s). */
        double meanS() {
            return Stats.geoMean(seeds.stream().mapToDouble(Measure::meanS).toArray());
        }

        double utilPct() {
            return seeds.stream().mapToDouble(Measure::utilPct).average().orElse(Double.NaN);
        }

        double normalizedExec() {
            return seeds.stream().mapToDouble(Measure::normalizedExec).average().orElse(Double.NaN);
        }

        double fnVarianceS2() {
            return seeds.stream().mapToDouble(Measure::fnVarianceS2).average().orElse(Double.NaN);
        }

        double coldPct() {
            return seeds.stream().mapToDouble(Measure::coldPct).average().orElse(Double.NaN);
        }

        /** Geometric mean over seeds of this case's latency ÷ {@code other}'s, seed by seed. */
        double ratioTo(CaseResult other) {
            double[] r = new double[seeds.size()];
            for (int i = 0; i < r.length; i++)
                r[i] = seeds.get(i).meanS() / other.seeds.get(i).meanS();
            return Stats.geoMean(r);
        }
    }

    private final Overrides user;
    private final int seeds;
    private final int threads;

    /**
     * @param user    the command line's device profile and parameters (other fields unused)
     * @param seeds   runs per case, seeds 1..seeds
     * @param threads runs at once
     */
    Reproduction(Overrides user, int seeds, int threads) {
        this.user = user;
        this.seeds = seeds;
        this.threads = threads;
    }

    int seeds() {
        return seeds;
    }

    /** Checks every case before anything runs (bad --param or --gpu: one message). */
    void plan(List<Case> cases) {
        for (Case c : cases) setup(c, 1);
    }

    /** Runs every case for every seed; {@code progress} gets the number of runs done so far. */
    Map<String, CaseResult> run(List<Case> cases, IntConsumer progress) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<List<Future<Measure>>> futures = new ArrayList<>();
            int[] done = {0};
            for (Case c : cases) {
                List<Future<Measure>> fs = new ArrayList<>();
                for (int s = 1; s <= seeds; s++) {
                    long seed = s;
                    fs.add(pool.submit(() -> {
                        Measure m = measure(c, seed);
                        synchronized (done) {
                            progress.accept(++done[0]);
                        }
                        return m;
                    }));
                }
                futures.add(fs);
            }
            Map<String, CaseResult> out = new LinkedHashMap<>();
            for (int i = 0; i < cases.size(); i++) {
                List<Measure> ms = new ArrayList<>();
                for (Future<Measure> f : futures.get(i)) ms.add(result(f));
                out.put(cases.get(i).key(), new CaseResult(cases.get(i), ms));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A run's measure; its failure rethrown as itself (bad input stays bad input). */
    private static Measure result(Future<Measure> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
    }

    private RunSetup setup(Case c, long seed) {
        ExperimentSpec spec = DissertationTraces.experiment(c.trace());
        String source = "reproduce: " + spec.name();
        Map<String, String> params = new LinkedHashMap<>(user.params());
        params.putAll(c.params());
        Overrides o = new Overrides(
                c.policy(),
                null,
                c.placement(),
                params,
                user.gpu(),
                c.gpus(),
                null,
                null,
                c.cpuCores(),
                seed,
                null,
                null);
        byte[] json = ExperimentJson.write(spec).getBytes(StandardCharsets.UTF_8);
        InputFile self = new InputFile("experiment", "preset:" + spec.name(), BaseInput.sha256(json));
        return Planner.plan(new BaseInput(spec, null, source, List.of(self)), o);
    }

    private Measure measure(Case c, long seed) {
        RunSetup s = setup(c, seed);
        NormalizedExecution norm =
                new NormalizedExecution(s.experiment().workload().functions(), s);
        RunResult r = Simulation.run(s.config(), s.experiment().workload(), norm, null);
        if (!r.complete()) throw new IllegalStateException(c.key() + " seed " + seed + ": " + r.incompleteReason());
        return Measure.of(r.summary(), norm.value());
    }

    /** Σ execution ÷ Σ isolated execution (the warm time on the run's device) over warm and GPU-cold completions. */
    private static final class NormalizedExecution implements EngineListener {
        private final double[] isolatedMs;
        private double exec;
        private double isolated;

        NormalizedExecution(List<FunctionSpec> fns, RunSetup s) {
            isolatedMs = new double[fns.size()];
            var model = s.config().executionModel();
            var devices = DeviceSet.build(s.config());
            var first = devices.get(0);
            for (FunctionSpec f : fns) {
                isolatedMs[f.id()] = first.kind == DeviceKind.GPU ? model.serviceMs(first, f) : f.cpuWarmMs();
            }
        }

        @Override
        public void finished(Invocation inv) {
            if (inv.outcome != Outcome.COMPLETED || inv.startType == StartType.COLD || inv.onCpu) return;
            exec += (inv.endUs - inv.startUs) / 1000.0;
            isolated += isolatedMs[inv.fn()];
        }

        double value() {
            return isolated == 0 ? Double.NaN : exec / isolated;
        }
    }

    /** Small statistics used by the reproduction and its report. */
    static final class Stats {
        private Stats() {}

        static double geoMean(double[] xs) {
            double s = 0;
            int n = 0;
            for (double x : xs) {
                if (!(x > 0) || Double.isInfinite(x)) continue;
                s += Math.log(x);
                n++;
            }
            return n == 0 ? Double.NaN : Math.exp(s / n);
        }
    }
}
