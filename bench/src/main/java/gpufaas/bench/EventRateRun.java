package gpufaas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gpufaas.app.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The engine's event rate measured as SimSharp measures its own: events processed per second of
 * wall-clock time, one thread, the clock around the event loop only (SimSharp's MachineShop
 * benchmark divides {@code env.ProcessedEvents} by the time of {@code env.Run}; its README reports
 * more than 5 million events in under 1.5 s on a 2.7 GHz Core i7-7, about 3.5 million per second).
 * Here the loop is {@code Engine.run} as the command line runs it, its wall time is summary.json's
 * {@code wall_ms} and its events are {@code events}: every scheduled action the event queue ran
 * (completions, container starts, memory moves, keep-alive and gate wake-ups, including the
 * completion events a device re-armed since, which also cost a pop) plus every arrival taken from
 * the workload (in SimSharp an arrival is a timeout event of its source process). The rate without
 * the arrivals is printed too.
 *
 * <p>Workloads, each run {@code --reps} times in this JVM (the first includes JIT warm-up; the best
 * later run is reported): the 1,000,000-invocation trace of {@link TraceScaleRun} under mqfq-sticky
 * (invocations.csv written, as a user's run) and, with {@code --day SECONDS}, that prefix of the
 * synthetic day of {@link SyntheticDayRun} (50,000 functions, 128 GPUs, per-invocation rows off).
 *
 * <pre>
 * taskset -c 1 java -Xmx1g -cp bench/target/classes:$(cat bench/target/classpath.txt) gpufaas.bench.EventRateRun \
 *     [--dir DIR] [--reps 5] [--day 3600] [--simsharp 3.5e6]
 * </pre>
 */
public final class EventRateRun {
    private EventRateRun() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("target/event-rate");
        int reps = 5;
        double daySeconds = 0;
        double simSharp = 3.5e6;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--reps" -> reps = Integer.parseInt(args[++i]);
                case "--day" -> daySeconds = Double.parseDouble(args[++i]);
                case "--simsharp" -> simSharp = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Files.createDirectories(dir);
        Path trace = dir.resolve("trace.csv");
        Path functions = dir.resolve("functions.csv");
        if (!Files.exists(trace) || !Files.exists(functions))
            TraceScaleRun.generate(trace, functions, 1_000_000, 0.4, 42);
        List<String[]> workloads = new ArrayList<>();
        workloads.add(new String[] {
            "trace-1M-mqfq-sticky",
            "run",
            "--trace",
            trace.toString(),
            "--functions",
            functions.toString(),
            "--policy",
            "mqfq-sticky",
            "--interval",
            "60"
        });
        if (daySeconds > 0) {
            if (!Files.exists(dir.resolve("day.json"))) {
                SyntheticDayRun.main(new String[] {"--dir", dir.toString(), "--write-only"}); // the default day
            }
            workloads.add(dayArgs(dir, daySeconds));
        }
        ObjectMapper json = new ObjectMapper();
        for (String[] w : workloads) {
            double best = 0;
            double bestScheduled = 0;
            for (int rep = 0; rep < reps; rep++) {
                Path out = dir.resolve("out-" + w[0]);
                TraceScaleRun.deleteTree(out);
                List<String> a = new ArrayList<>(List.of(w).subList(1, w.length));
                a.addAll(List.of("--out", out.toString()));
                int rc = Main.execute(a.toArray(String[]::new));
                if (rc != 0) throw new IllegalStateException(w[0] + " exited with " + rc);
                JsonNode s = json.readTree(out.resolve("summary.json").toFile());
                long events = s.path("events").asLong();
                long arrivals = s.path("invocations").asLong();
                long wallMs = s.path("wall_ms").asLong();
                double rate = events * 1000.0 / wallMs;
                double scheduled = (events - arrivals) * 1000.0 / wallMs;
                System.out.printf(
                        Locale.ROOT,
                        "RESULT workload=%s rep=%d events=%d arrivals=%d wall_ms=%d events_per_s=%.0f "
                                + "scheduled_per_s=%.0f ratio_to_simsharp=%.2f%n",
                        w[0],
                        rep,
                        events,
                        arrivals,
                        wallMs,
                        rate,
                        scheduled,
                        rate / simSharp);
                if (rep > 0 || reps == 1) {
                    best = Math.max(best, rate);
                    bestScheduled = Math.max(bestScheduled, scheduled);
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "SUMMARY workload=%s best_events_per_s=%.0f (%.2f x SimSharp's %.2g) "
                            + "best_scheduled_per_s=%.0f (%.2f x)%n",
                    w[0],
                    best,
                    best / simSharp,
                    simSharp,
                    bestScheduled,
                    bestScheduled / simSharp);
        }
    }

    /** The synthetic day's experiment (as {@link SyntheticDayRun} writes it by default), cut to {@code seconds}. */
    private static String[] dayArgs(Path dir, double seconds) {
        return new String[] {
            "synthetic-day-" + (long) seconds + "s",
            "run",
            "--experiment",
            dir.resolve("day.json").toString(),
            "--no-invocations",
            "--duration",
            Double.toString(seconds)
        };
    }
}
