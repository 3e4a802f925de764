package gpufaas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gpufaas.app.Main;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.catalog.BenchmarkCatalog;
import gpufaas.workload.device.DeviceProfiles;
import gpufaas.workload.gen.ArrivalProcess;
import gpufaas.workload.gen.GeneratedArrivals;
import gpufaas.workload.trace.FunctionsCsvWriter;
import gpufaas.workload.trace.TraceCsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Scale run of the command line's trace path: writes an Ilúvatar trace of one million invocations
 * over 24 functions plus its functions CSV, then times
 * {@code Main.execute("run", "--trace", T, "--functions", F, "--policy", P, "--out", DIR, "--interval", "60")}
 * in this JVM, several times per policy (the first run includes JIT warm-up; the best later run is
 * the warmed-up figure).
 *
 * <p>Workload: the 14 catalog functions sorted by GPU warm time and cycled to 24 names (the ten
 * shortest appear twice), Zipf popularity (rank i ∝ 1/(i+1)^1.5, shorter functions at the more
 * popular ranks, as in the {@code paper-medium} preset), Poisson arrivals from seeded streams, and
 * the total rate chosen so that the offered GPU load (Σ rate × warm time / a30 speed) is
 * {@code --load} of one a30. The default, 0.4, is the highest of 0.3, 0.4, 0.45, 0.5 and 0.6 at
 * which both timed policies reach a steady state: fcfs moves a function's 3 GB on and off the GPU
 * around every invocation, so its host link saturates near 1.5 invocations/s (0.47 of the a30)
 * and at 0.6 its mean e2e is 21 hours; mqfq-sticky at 0.6 has a mean e2e of 29 s.
 *
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) gpufaas.bench.TraceScaleRun \
 *     [--dir DIR] [--invocations 1000000] [--load 0.4] [--seed 42] [--reps 5]
 *     [--policies mqfq-sticky,fcfs] [--no-invocations] [--interval 60] [--generate-only] [--keep] [--jfr PREFIX]
 * </pre>
 * {@code --jfr PREFIX} records a JFR profile (settings "profile") of the runs from the third on,
 * after JIT warm-up, into {@code PREFIX-POLICY.jfr}.
 * {@code --generate-only} writes {@code DIR/trace.csv} and {@code DIR/functions.csv} and stops
 * (for timing {@code ./workbench run} in a fresh JVM). Output folders go to {@code DIR/out-POLICY-REP}
 * and are deleted after each run unless {@code --keep}; the last one of each policy is kept so its
 * summary can be checked.
 */
public final class TraceScaleRun {
    static final int FUNCTIONS = 24;
    static final double ZIPF = 1.5;

    private TraceScaleRun() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target/trace-scale");
        long invocations = 1_000_000;
        double load = 0.4;
        long seed = 42;
        int reps = 5;
        List<String> policies = List.of("mqfq-sticky", "fcfs");
        boolean noInvocations = false;
        boolean generateOnly = false;
        boolean keep = false;
        Path jfr = null;
        String interval = "60";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--invocations" -> invocations = Long.parseLong(args[++i]);
                case "--load" -> load = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--policies" -> policies = List.of(args[++i].split(","));
                case "--no-invocations" -> noInvocations = true;
                case "--generate-only" -> generateOnly = true;
                case "--keep" -> keep = true;
                case "--jfr" -> jfr = Path.of(args[++i]);
                case "--interval" -> interval = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(dir);
        Path trace = dir.resolve("trace.csv");
        Path functions = dir.resolve("functions.csv");
        long g0 = System.nanoTime();
        Generated gen = generate(trace, functions, invocations, load, seed);
        System.out.printf(
                Locale.ROOT,
                "generated %d invocations of %d functions in %.2f s: total rate %.4f/s, "
                        + "offered load %.3f of one a30, trace spans %.0f s (%s, %.1f MB)%n",
                gen.rows,
                FUNCTIONS,
                (System.nanoTime() - g0) / 1e9,
                gen.ratePerS,
                gen.load,
                gen.spanS,
                trace,
                Files.size(trace) / 1e6);
        if (generateOnly) return;

        ObjectMapper json = new ObjectMapper();
        Recording recording = null;
        for (String policy : policies) {
            List<Double> walls = new ArrayList<>();
            for (int rep = 0; rep < reps; rep++) {
                if (jfr != null && rep == Math.min(2, reps - 1) && recording == null) {
                    recording = new Recording(Configuration.getConfiguration("profile"));
                    recording.start();
                }
                Path out = dir.resolve("out-" + policy + "-" + rep);
                deleteTree(out);
                List<String> a = new ArrayList<>(List.of(
                        "run",
                        "--trace",
                        trace.toString(),
                        "--functions",
                        functions.toString(),
                        "--policy",
                        policy,
                        "--out",
                        out.toString(),
                        "--interval",
                        interval));
                if (noInvocations) a.add("--no-invocations");
                long t0 = System.nanoTime();
                int rc = Main.execute(a.toArray(String[]::new));
                double wall = (System.nanoTime() - t0) / 1e9;
                if (rc != 0) throw new IllegalStateException("run exited with " + rc);
                JsonNode s = json.readTree(out.resolve("summary.json").toFile());
                long inv = s.path("invocations").asLong();
                System.out.printf(
                        Locale.ROOT,
                        "RESULT policy=%s rep=%d invocations=%d wall_s=%.3f inv_per_s=%.0f "
                                + "engine_wall_ms=%d events=%d mean_e2e_ms=%.1f p99_e2e_ms=%.1f cold_pct=%.2f "
                                + "gpu_util=%.3f completed=%d invocations_csv=%s%n",
                        policy,
                        rep,
                        inv,
                        wall,
                        inv / wall,
                        s.path("wall_ms").asLong(),
                        s.path("events").asLong(),
                        s.path("mean_e2e_ms").asDouble(),
                        s.path("p99_e2e_ms").asDouble(),
                        s.path("cold_pct").asDouble(),
                        s.path("gpu_utilization").asDouble(),
                        s.path("completed").asLong(),
                        Files.exists(out.resolve("invocations.csv"))
                                ? Files.size(out.resolve("invocations.csv")) + "B"
                                : "none");
                walls.add(wall);
                if (!keep && rep < reps - 1) deleteTree(out);
            }
            double best = Double.NaN;
            for (int i = 1; i < walls.size(); i++)
                best = Double.isNaN(best) ? walls.get(i) : Math.min(best, walls.get(i));
            System.out.printf(
                    Locale.ROOT,
                    "SUMMARY policy=%s invocations_csv=%s first_run_s=%.3f (%.0f inv/s) "
                            + "best_later_s=%.3f (%.0f inv/s) over %d later runs%n",
                    policy,
                    noInvocations ? "off" : "on",
                    walls.get(0),
                    gen.rows / walls.get(0),
                    best,
                    gen.rows / best,
                    walls.size() - 1);
            if (recording != null) {
                recording.dump(jfr.resolveSibling(jfr.getFileName() + "-" + policy + ".jfr"));
                recording.close();
                recording = null;
                System.out.println("JFR of the runs from rep " + Math.min(2, reps - 1) + " on: "
                        + jfr.resolveSibling(jfr.getFileName() + "-" + policy + ".jfr"));
            }
        }
    }

    /** What {@link #generate} wrote. */
    record Generated(long rows, double ratePerS, double load, double spanS) {}

    /** The 24 functions: catalog sorted by warm time, cycled, ranks by warm time (shortest = most popular). */
    static List<FunctionSpec> functions() {
        List<FunctionSpec> cat = new ArrayList<>(BenchmarkCatalog.get().functions());
        cat.sort(Comparator.comparingDouble(FunctionSpec::gpuWarmMs));
        // stable sort by warm time: the repeated short functions sit next to their first copy
        List<int[]> order = new ArrayList<>();
        for (int i = 0; i < FUNCTIONS; i++) order.add(new int[] {i % cat.size(), i / cat.size()});
        order.sort(Comparator.<int[]>comparingInt(o -> o[0]).thenComparingInt(o -> o[1]));
        List<FunctionSpec> out = new ArrayList<>();
        for (int[] o : order) {
            FunctionSpec b = cat.get(o[0]);
            out.add(new FunctionSpec(
                    out.size(),
                    b.name() + "-" + (o[1] + 1),
                    b.gpuWarmMs(),
                    b.gpuColdMs(),
                    b.gpuMemMb(),
                    b.cpuWarmMs(),
                    b.cpuColdMs(),
                    b.weight(),
                    b.sloMs()));
        }
        return out;
    }

    static Generated generate(Path trace, Path functionsCsv, long rows, double load, long seed) {
        List<FunctionSpec> fns = functions();
        double speed = DeviceProfiles.load("a30").speed();
        double[] w = new double[FUNCTIONS];
        double gpuSecondsPerUnit = 0;
        for (int i = 0; i < FUNCTIONS; i++) {
            w[i] = 1 / Math.pow(i + 1, ZIPF);
            gpuSecondsPerUnit += w[i] * fns.get(i).gpuWarmMs() / 1000 / speed;
        }
        double scale = load / gpuSecondsPerUnit; // rate of rank i = scale * w[i]
        List<ArrivalProcess> procs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < FUNCTIONS; i++) {
            procs.add(new ArrivalProcess.Poisson(scale * w[i]));
            names.add(fns.get(i).name());
            total += scale * w[i];
        }
        FunctionsCsvWriter.write(fns, functionsCsv);
        double horizon = rows / total * 1.2 + 60; // long enough for `rows` arrivals; the stream is cut there
        GeneratedArrivals src = new GeneratedArrivals(names, procs, seed, horizon);
        long n = 0;
        long last = 0;
        try (TraceCsvWriter w2 = TraceCsvWriter.create(trace, fns)) {
            while (n < rows && src.advance()) {
                w2.write(src.timeUs(), src.function());
                last = src.timeUs();
                n++;
            }
        }
        if (n < rows) throw new IllegalStateException("only " + n + " arrivals before the horizon");
        return new Generated(n, total, load, last / 1e6);
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(q);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
