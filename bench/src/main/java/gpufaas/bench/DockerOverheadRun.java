package gpufaas.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import gpufaas.backend.docker.DockerBackend;
import gpufaas.backend.docker.DockerOptions;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MigProfile;
import gpufaas.engine.model.ArrayArrivals;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.GpuSetup;
import gpufaas.engine.run.RunResult;
import gpufaas.engine.time.WallClockTimeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold and warm start times of the Docker backend against the local engine, and the engine's own
 * overhead per invocation over a bare {@code docker exec} of the same command.
 * <ol>
 * <li><b>cold</b>: {@code --cold N} functions (default 30) invoked once each, 400 ms apart, through
 *     the engine: create + start of the container as the backend measured it, and dispatch → end.</li>
 * <li><b>warm</b>: one function invoked {@code --warm M} times (default 200), 150 ms apart, D = 1,
 *     after its cold start: dispatch → end as the engine records it (worker_duration_us).</li>
 * <li><b>bare</b>: the same number of execs of the same command in one running container of the same
 *     image, one every 150 ms, straight through docker-java (exec create, start, wait, inspect).</li>
 * </ol>
 * Warm and bare run in {@code --repeat} (default 3) alternating blocks, bare first.
 * The function sleeps {@code --sleep-ms} (default 0, so the exec's own cost is what is measured).
 * <pre>
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) gpufaas.bench.DockerOverheadRun [--cold 30] [--warm 200] [--sleep-ms 0] [--repeat 3]
 * </pre>
 */
public final class DockerOverheadRun {
    private DockerOverheadRun() {}

    public static void main(String[] args) throws Exception {
        int cold = 30;
        int warm = 200;
        int repeat = 3;
        double sleepMs = 0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cold" -> cold = Integer.parseInt(args[++i]);
                case "--warm" -> warm = Integer.parseInt(args[++i]);
                case "--sleep-ms" -> sleepMs = Double.parseDouble(args[++i]);
                case "--repeat" -> repeat = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "Docker backend: %d cold starts, %d warm invocations, function sleeps %.1f ms%n",
                cold,
                warm,
                sleepMs);

        // cold starts
        List<FunctionSpec> fns = new ArrayList<>();
        double[] arr = new double[2 * cold];
        for (int i = 0; i < cold; i++) {
            fns.add(FunctionSpec.gpu(i, "cold-" + i, sleepMs, sleepMs + 1, 100));
            arr[2 * i] = 400.0 * i;
            arr[2 * i + 1] = i;
        }
        List<DockerBackend.ExecTiming> coldT = Collections.synchronizedList(new ArrayList<>());
        List<Invocation> coldInv = run(fns, arr, config(cold + 1, 4), coldT);
        double[] createStart = coldT.stream()
                .filter(DockerBackend.ExecTiming::cold)
                .mapToDouble(t -> t.createStartNanos() / 1e6)
                .toArray();
        double[] coldE2e = coldInv.stream()
                .mapToDouble(i -> (i.endUs - i.dispatchUs) / 1000.0)
                .toArray();

        System.out.println();
        print("cold: create + start (backend)", createStart);
        print("cold: dispatch -> end (engine)", coldE2e);

        // warm invocations through the engine and bare execs, in alternating blocks (the machine's
        // load drifts; alternating keeps the comparison fair)
        List<Double> diffs = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        for (int r = 1; r <= repeat; r++) {
            double[] bare = bare(warm, sleepMs);
            FunctionSpec f = FunctionSpec.gpu(0, "warm", sleepMs, sleepMs + 1, 100);
            double[] w = new double[2 * (warm + 1)];
            for (int i = 0; i <= warm; i++) w[2 * i] = i == 0 ? 0 : 1000 + 150.0 * (i - 1);
            List<DockerBackend.ExecTiming> warmT = Collections.synchronizedList(new ArrayList<>());
            List<Invocation> warmInv = run(List.of(f), w, config(4, 1), warmT);
            double[] warmWorker = warmInv.stream()
                    .filter(i -> !i.coldStart)
                    .mapToDouble(i -> (i.endUs - i.dispatchUs) / 1000.0)
                    .toArray();
            double[] warmExecSeen = warmT.stream()
                    .filter(t -> !t.cold())
                    .mapToDouble(t -> t.execNanos() / 1e6)
                    .toArray();
            System.out.println("block " + r + ":");
            print("  bare docker-java exec", bare);
            print("  warm: dispatch -> end (engine)", warmWorker);
            print("  warm: exec round trip (backend)", warmExecSeen);
            diffs.add(pct(warmWorker, 50) - pct(bare, 50));
            own.add(pct(warmWorker, 50) - pct(warmExecSeen, 50));
        }
        System.out.printf(
                Locale.ROOT, "%nengine dispatch->end p50 minus bare exec p50, per block: %s ms%n", list(diffs));
        System.out.printf(
                Locale.ROOT,
                "engine dispatch->end p50 minus its own exec round trip p50, per block: %s ms%n",
                list(own));
    }

    private static String list(List<Double> v) {
        StringBuilder b = new StringBuilder();
        for (double d : v) b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", d));
        return b.toString();
    }

    private static List<Invocation> run(
            List<FunctionSpec> fns, double[] arrivals, EngineConfig cfg, List<DockerBackend.ExecTiming> timings) {
        List<Invocation> done = Collections.synchronizedList(new ArrayList<>());
        EngineListener l = new EngineListener() {
            @Override
            public void finished(Invocation inv) {
                done.add(inv);
            }
        };
        try (DockerBackend b = DockerBackend.open(new DockerOptions("sleep", 64, 1, 32, 0, "off", Map.of()), fns)) {
            b.onTimings(timings::add);
            Workload wl = new Workload("docker-overhead", fns, () -> ArrayArrivals.ofMs(arrivals));
            RunResult r = new Engine(cfg, wl, b, new WallClockTimeSource(), l, null).run();
            if (!r.complete()) throw new IllegalStateException(r.incompleteReason());
        }
        for (Invocation i : done) if (i.outcome != Outcome.COMPLETED) throw new IllegalStateException(i.reason);
        return done;
    }

    private static double[] bare(int n, double sleepMs) throws Exception {
        FunctionSpec f = FunctionSpec.gpu(0, "bare", sleepMs, sleepMs + 1, 100);
        try (DockerBackend b =
                DockerBackend.open(new DockerOptions("sleep", 64, 1, 32, 0, "off", Map.of()), List.of(f))) {
            DockerClient d = b.client();
            // the same image, command, user and limits as the backend's containers
            DockerOptions opt = new DockerOptions("sleep", 64, 1, 32, 0, "off", Map.of());
            String id = d.createContainerCmd(b.builtinImage())
                    .withCmd("/bin/busybox", "sleep", "2147483647")
                    .withUser("65534:65534")
                    .withNetworkDisabled(true)
                    .withHostConfig(DockerBackend.hostConfig(opt, null))
                    .withLabels(Map.of("io.gpufaas.workbench", "bench"))
                    .exec()
                    .getId();
            try {
                d.startContainerCmd(id).exec();
                String[] cmd = {"/bin/busybox", "sleep", String.format(Locale.ROOT, "%.6f", sleepMs / 1000)};
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    String exec = d.execCreateCmd(id)
                            .withCmd(cmd)
                            .withAttachStdout(true)
                            .withAttachStderr(true)
                            .exec()
                            .getId();
                    try (ResultCallback.Adapter<Frame> cb = d.execStartCmd(exec).exec(new ResultCallback.Adapter<>())) {
                        cb.awaitCompletion(60, TimeUnit.SECONDS);
                    }
                    d.inspectExecCmd(exec).exec();
                    out[i] = (System.nanoTime() - t0) / 1e6;
                    Thread.sleep(Math.max(0, 150 - (long) out[i]));
                }
                return out;
            } finally {
                d.removeContainerCmd(id).withForce(true).exec();
            }
        }
    }

    private static EngineConfig config(int pool, int dMax) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("util", "0");
        p.put("pool", Integer.toString(pool));
        p.put("D", Integer.toString(dMax));
        p.put("memory", "none");
        DeviceProfile ref = DeviceProfile.builder("ref")
                .description("reference device")
                .memoryMb(80_000)
                .sms(80)
                .linkGBps(10.0)
                .faultGBps(5.0)
                .speed(1.0)
                .contextMemMb(0)
                .slowdown(1, 1.28, 1.58, 1.95, 2.475, 3.0)
                .mpsSlowdown(1, 1.12, 1.3, 1.55, 1.8, 2.1)
                .mpsSmSensitivity(0.5)
                .uvmOversubscribedFactor(1.4)
                .utilSampleMs(200)
                .migProfiles(List.of(new MigProfile("half", 1, 2, 40_000, 2)))
                .pricePerSecond(0.001)
                .build();
        return EngineConfig.resolve("fcfs", null, null, p, new GpuSetup(ref, 1, null, false, 0), 1, "bench");
    }

    private static void print(String what, double[] v) {
        System.out.printf(
                Locale.ROOT,
                "%-34s n=%4d  p50 %8.2f  p90 %8.2f  p99 %8.2f  max %8.2f ms%n",
                what,
                v.length,
                pct(v, 50),
                pct(v, 90),
                pct(v, 99),
                pct(v, 100));
    }

    static double pct(double[] v, double p) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        int i = (int) Math.ceil(p / 100 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, i))];
    }
}
