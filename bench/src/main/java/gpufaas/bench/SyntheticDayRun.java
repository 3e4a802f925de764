package gpufaas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gpufaas.app.Main;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.catalog.BenchmarkCatalog;
import gpufaas.workload.device.DeviceProfiles;
import gpufaas.workload.experiment.DevicesSpec;
import gpufaas.workload.experiment.ExperimentJson;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.FunctionEntry;
import gpufaas.workload.experiment.WorkloadSpec;
import gpufaas.workload.gen.ArrivalProcess;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Scale run of a synthetic day: 50,000 functions and about 100 million invocations in 86,400
 * simulated seconds, streamed through the command line's run path with per-invocation rows off
 * ({@code --no-invocations}); summary.csv, summary.json, timeseries.csv and manifest.json are still
 * written. Meant to run under {@code -Xmx1g}.
 *
 * <p>Workload, written as an experiment JSON with the 50,000 functions inline (one generated file,
 * read back by {@code run --experiment} exactly as a user's file would be):
 * <ul>
 * <li>popularity: each function's mean rate drawn from a lognormal (σ = {@code --sigma}, default 3,
 *     so the 20 % most popular functions get about 98 % of the invocations, close to the Azure
 *     Functions 2019 trace), scaled so the rates sum to {@code --rate} (default 1157.4/s = 100 M a day);</li>
 * <li>arrivals: Poisson per function ({@code --amplitude 0}, the default), or with
 *     {@code --amplitude A > 0} a day-long cycle per function ({@code diurnal}: trough of
 *     (1 − A) × the mean at 0 s, peak of (1 + A) × at noon);</li>
 * <li>timings: each function is a catalog function drawn with probability ∝ warm_ms^-1.5, so
 *     nearly all are the two short pyhpc kernels (eos 17 ms, isoneural 26 ms) and about 2 % are
 *     the twelve longer ones; the catalog's times are kept, the GPU footprint is {@code --mem-mb}
 *     (default 512 MB; the catalog's 3072 MB is a default, not a measurement);</li>
 * <li>devices: {@code --gpus} (default 128) of profile {@code --gpu} (default a100-80gb), D = 32
 *     invocations per GPU, a warm pool of {@code --pool} (default 100) containers per GPU, policy
 *     {@code --policy} (default mqfq-sticky); {@code --param KEY=VALUE} adds or overrides a parameter.</li>
 * </ul>
 * Why these devices: every one of the ~44,000 functions invoked in the day starts cold at least
 * once, and a cold start holds a device token for 1.5 to 16 s. With fewer tokens (64 or 128 GPUs at
 * D = 2 or 8), or with the day cycle's peak, cold starts take every token at some point, the queue
 * builds, fair queueing then dispatches a different function almost every time, each dispatch is
 * another cold start, and the run never recovers (measured: docs/perf/synthetic-day.md). 128 GPUs
 * at D = 32 with a pool of 100 at a constant rate stay in a steady state (mean e2e 0.14 s). A pool of
 * 200 did before each container's CUDA context took device memory (300 MB on an a100-80gb): since,
 * 200 contexts hold 60 GB of the 80 GB and leave room for about 40 footprints, idle containers are
 * evicted for memory, most dispatches become cold starts and the queue grows without end; 100
 * contexts and footprints (30 + 51 GB) fit the card.
 *
 * <pre>
 * java -Xmx1g -cp bench/target/classes:$(cat bench/target/classpath.txt) gpufaas.bench.SyntheticDayRun \
 *     [--dir DIR] [--functions 50000] [--rate 1157.4] [--duration 86400] [--sigma 3] [--amplitude 0]
 *     [--mem-mb 512] [--gpu a100-80gb] [--gpus 128] [--pool 100] [--policy mqfq-sticky] [--seed 7]
 *     [--param KEY=VALUE]... [--write-only]
 * </pre>
 * {@code --write-only} writes {@code DIR/day.json} and prints the {@code ./workbench run} line that
 * runs it in a fresh JVM; otherwise the run happens in this JVM through {@code Main.execute}.
 */
public final class SyntheticDayRun {
    private SyntheticDayRun() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target/synthetic-day");
        int functions = 50_000;
        double rate = 100_000_000 / 86_400.0;
        double duration = 86_400;
        double sigma = 3.0;
        double memMb = 512;
        double amplitude = 0;
        String gpu = "a100-80gb";
        int gpus = 128;
        int pool = 100;
        String policy = "mqfq-sticky";
        long seed = 7;
        boolean writeOnly = false;
        Map<String, String> extra = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--functions" -> functions = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--duration" -> duration = Double.parseDouble(args[++i]);
                case "--sigma" -> sigma = Double.parseDouble(args[++i]);
                case "--mem-mb" -> memMb = Double.parseDouble(args[++i]);
                case "--amplitude" -> amplitude = Double.parseDouble(args[++i]);
                case "--gpu" -> gpu = args[++i];
                case "--gpus" -> gpus = Integer.parseInt(args[++i]);
                case "--pool" -> pool = Integer.parseInt(args[++i]);
                case "--policy" -> policy = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--write-only" -> writeOnly = true;
                case "--param" -> {
                    String[] kv = args[++i].split("=", 2);
                    extra.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(dir);
        Path json = dir.resolve("day.json");
        Workload w = workload(functions, rate, sigma, memMb, amplitude, seed);
        double speed = DeviceProfiles.load(gpu).speed();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pool", Integer.toString(pool));
        params.put("D", "32");
        params.put("interval", "60");
        params.putAll(extra);
        ExperimentSpec spec = new ExperimentSpec(
                "synthetic-day",
                String.format(
                        Locale.ROOT,
                        "%d functions, lognormal popularity (sigma %.2f) summing to %.1f/s, %s, %.0f s; "
                                + "catalog timings drawn with probability proportional to warm_ms^-1.5, footprint %.0f MB",
                        functions,
                        sigma,
                        rate,
                        amplitude > 0
                                ? "diurnal arrivals (amplitude " + amplitude + ", trough at 0 s, peak at " + "43,200 s)"
                                : "Poisson arrivals",
                        duration,
                        memMb),
                seed,
                duration,
                WorkloadSpec.of(w.entries),
                new DevicesSpec(gpu, gpus, null, false, null, 0, null),
                policy,
                null,
                null,
                params,
                null);
        Files.writeString(json, ExperimentJson.write(spec), StandardCharsets.UTF_8);
        System.out.printf(
                Locale.ROOT,
                "wrote %s (%.1f MB): %d functions, total rate %.2f/s (max %.2f/s, median %.5f/s), "
                        + "expected %.0f invocations; offered load %.1f reference GPU-s/s = %.2f of %d x %s; "
                        + "functions by base: %s%n",
                json,
                Files.size(json) / 1e6,
                functions,
                w.totalRate,
                w.maxRate,
                w.medianRate,
                w.totalRate * duration,
                w.referenceLoad,
                w.referenceLoad / speed / gpus,
                gpus,
                gpu,
                w.byBase);
        Path out = dir.resolve("out");
        String[] cli = {"run", "--experiment", json.toString(), "--no-invocations", "--out", out.toString()};
        System.out.println("CLI equivalent: ./workbench " + String.join(" ", cli));
        if (writeOnly) return;

        TraceScaleRun.deleteTree(out);
        long t0 = System.nanoTime();
        int rc = Main.execute(cli);
        double wall = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) throw new IllegalStateException("run exited with " + rc);
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        long inv = s.path("invocations").asLong();
        long events = s.path("events").asLong();
        long peakHeap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null)
                peakHeap += p.getPeakUsage().getUsed();
        }
        System.out.printf(
                Locale.ROOT,
                "RESULT invocations=%d events=%d wall_s=%.1f inv_per_s=%.0f events_per_s=%.0f "
                        + "engine_wall_ms=%d completed=%d unfinished=%d mean_e2e_ms=%.1f p50_e2e_ms=%.1f p99_e2e_ms=%.1f "
                        + "mean_queue_ms=%.1f cold_pct=%.3f gpu_util=%.3f max_heap_mb=%d sum_of_pool_peaks_mb=%d%n",
                inv,
                events,
                wall,
                inv / wall,
                events / wall,
                s.path("wall_ms").asLong(),
                s.path("completed").asLong(),
                s.path("unfinished").asLong(),
                s.path("mean_e2e_ms").asDouble(),
                s.path("p50_e2e_ms").asDouble(),
                s.path("p99_e2e_ms").asDouble(),
                s.path("mean_queue_ms").asDouble(),
                s.path("cold_pct").asDouble(),
                s.path("gpu_utilization").asDouble(),
                Runtime.getRuntime().maxMemory() >> 20,
                peakHeap >> 20);
    }

    /** The generated functions with what the report needs about them. */
    record Workload(
            List<FunctionEntry> entries,
            double totalRate,
            double maxRate,
            double medianRate,
            double referenceLoad,
            Map<String, Integer> byBase) {}

    static Workload workload(int n, double totalRate, double sigma, double memMb, double amplitude, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] raw = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            raw[i] = Math.exp(sigma * gaussian(rnd));
            sum += raw[i];
        }
        List<FunctionSpec> cat = BenchmarkCatalog.get().functions();
        double[] cum = new double[cat.size()];
        double acc = 0;
        for (int i = 0; i < cat.size(); i++) {
            acc += Math.pow(cat.get(i).gpuWarmMs(), -1.5);
            cum[i] = acc;
        }
        List<FunctionEntry> entries = new ArrayList<>(n);
        Map<String, Integer> byBase = new LinkedHashMap<>();
        double load = 0;
        double max = 0;
        double[] rates = new double[n];
        for (int i = 0; i < n; i++) {
            double r = raw[i] / sum * totalRate;
            rates[i] = r;
            max = Math.max(max, r);
            double u = rnd.nextDouble() * acc;
            int b = 0;
            while (cum[b] < u) b++;
            FunctionSpec base = cat.get(b);
            byBase.merge(base.name(), 1, Integer::sum);
            load += r * base.gpuWarmMs() / 1000;
            entries.add(new FunctionEntry(
                    String.format(Locale.ROOT, "fn%05d-%s", i, base.name()),
                    base.name(),
                    null,
                    null,
                    memMb,
                    null,
                    null,
                    null,
                    null,
                    null,
                    arrival(r, amplitude)));
        }
        Arrays.sort(rates);
        return new Workload(entries, totalRate, max, rates[n / 2], load, byBase);
    }

    /** Poisson at {@code rate}, or with {@code amplitude > 0} a day-long cycle with its trough at 0 s and 86,400 s and its peak at noon. */
    static ArrivalProcess arrival(double rate, double amplitude) {
        if (amplitude <= 0) return new ArrivalProcess.Poisson(rate);
        return new ArrivalProcess.Diurnal(rate, amplitude, 86_400, 43_200);
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller; one of the pair is enough here
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
