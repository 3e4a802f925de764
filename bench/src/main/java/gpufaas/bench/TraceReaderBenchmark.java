package gpufaas.bench;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.trace.TraceCsvReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The trace reader on the one-million-invocation trace of {@link TraceScaleRun} (24 functions,
 * 21 MB), read from memory so the figure is the parsing alone: {@link TraceCsvReader#advance()} over
 * every row, in nanoseconds per row. {@code layout} {@code usual} is the file as
 * {@code TraceCsvWriter} writes it ({@code func_name,invoke_time_ms}); {@code reordered} has the
 * columns the other way round with an {@code slo_ms} column after them, which a reader with a
 * special path for the usual layout would parse on its general path. Compare builds by running the
 * same benchmark against each one's class path (docs/perf/trace-throughput.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TraceReaderBenchmark {
    @Param({"usual", "reordered"})
    public String layout;

    private byte[] text;
    private Map<String, Integer> ids;
    private long rows;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("trace-reader-bench");
        Path trace = dir.resolve("trace.csv");
        TraceScaleRun.generate(trace, dir.resolve("functions.csv"), 1_000_000, 0.4, 42);
        byte[] usual = Files.readAllBytes(trace);
        text = layout.equals("usual") ? usual : reordered(usual);
        List<FunctionSpec> fns = TraceScaleRun.functions();
        ids = TraceCsvReader.idsOf(fns);
        rows = 1_000_000;
        TraceScaleRun.deleteTree(dir);
    }

    /** {@code invoke_time_ms,func_name,slo_ms} with an empty SLO cell on every row. */
    private static byte[] reordered(byte[] usual) {
        String[] lines = new String(usual, StandardCharsets.UTF_8).split("\n");
        StringBuilder b = new StringBuilder(usual.length + lines.length * 2);
        b.append("invoke_time_ms,func_name,slo_ms\n");
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(',');
            b.append(lines[i], c + 1, lines[i].length())
                    .append(',')
                    .append(lines[i], 0, c)
                    .append(",\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads every row; the result is the sum of times and function ids (so nothing is optimized away). */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(1_000_000)
    public long readAll() {
        TraceCsvReader r = new TraceCsvReader(new ByteArrayInputStream(text), "trace.csv", ids);
        long sum = 0;
        long n = 0;
        while (r.advance()) {
            sum += r.timeUs() + r.function();
            n++;
        }
        if (n != rows) throw new IllegalStateException("read " + n + " rows");
        return sum;
    }
}
