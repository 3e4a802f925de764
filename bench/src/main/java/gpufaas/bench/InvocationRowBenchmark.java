package gpufaas.bench;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.StartType;
import gpufaas.workload.io.InvocationCsvWriter;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One row of {@code invocations.csv}: {@link InvocationCsvWriter#write} of a completed invocation
 * into a stream that discards the bytes, so the figure is the formatting cost alone (no file
 * system). Times look like those of the one-million-invocation trace run: arrivals spread over
 * 800,000 s, queueing and execution of milliseconds to seconds. Answers how much of the trace run's
 * time per invocation the row costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InvocationRowBenchmark {
    private InvocationCsvWriter writer;
    private Invocation[] rows;
    private int i;

    @Setup(Level.Trial)
    public void setUp() {
        List<FunctionSpec> fns = TraceScaleRun.functions();
        writer = new InvocationCsvWriter(OutputStream.nullOutputStream(), List.of("a30-0"), fns);
        SplittableRandom rnd = new SplittableRandom(42);
        rows = new Invocation[1 << 12];
        for (int k = 0; k < rows.length; k++) {
            Invocation inv =
                    new Invocation(500_000L + k, fns.get(rnd.nextInt(fns.size())), rnd.nextLong(800_000_000_000L));
            inv.dispatchUs = inv.arrivalUs + rnd.nextLong(5_000_000);
            inv.startUs = inv.dispatchUs + (rnd.nextInt(10) == 0 ? rnd.nextLong(4_000_000) : 0);
            inv.endUs = inv.startUs + 1 + rnd.nextLong(3_000_000);
            inv.startType = inv.startUs > inv.dispatchUs ? StartType.COLD : StartType.WARM;
            inv.coldStart = inv.startType == StartType.COLD;
            inv.device = 0;
            inv.outcome = Outcome.COMPLETED;
            rows[k] = inv;
        }
    }

    @Benchmark
    public long row() {
        writer.write(rows[i++ & (rows.length - 1)]);
        return writer.rows();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        writer.close();
    }

    /** For a quick look without JMH: rows per second over {@code n} rows. */
    public static void main(String[] args) {
        InvocationRowBenchmark b = new InvocationRowBenchmark();
        b.setUp();
        long n = args.length > 0 ? Long.parseLong(args[0]) : 50_000_000L;
        List<Double> rates = new ArrayList<>();
        long perRep = n / 5;
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            for (long k = 0; k < perRep; k++) b.row();
            rates.add(perRep / ((System.nanoTime() - t0) / 1e9));
        }
        System.out.println("rows/s per repetition: " + rates);
        b.tearDown();
    }
}
