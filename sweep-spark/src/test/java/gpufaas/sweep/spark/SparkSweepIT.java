package gpufaas.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.app.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Sweeps on a real Spark standalone cluster: a master and two workers, each a process of its own on
 * 127.0.0.1 ({@link LocalSparkCluster}), and the sweep's driver in this JVM through the command line.
 * Every output file of a cluster sweep must equal the local executor's byte for byte, except
 * {@code wall_ms} in summary.json and the {@code command} a manifest records (which names
 * {@code --cluster}); a failing point must fail the sweep as it fails a local one; a lost master must
 * stop it with exit status 2. Skipped, and says so, where processes cannot be spawned.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SparkSweepIT {
    private Path tmp;
    private LocalSparkCluster cluster;

    @BeforeAll
    void startCluster() throws Exception {
        tmp = Files.createTempDirectory("spark-sweep-it-");
        try {
            new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            Assumptions.abort("cannot spawn processes here (" + e.getMessage()
                    + "): the Spark cluster test needs a master " + "and two workers as processes of their own");
        }
        SparkJars jars = LocalSparkCluster.jars(tmp);
        System.setProperty(SparkJars.APP_PROPERTY, join(jars.app()));
        System.setProperty(SparkJars.SPARK_PROPERTY, join(jars.spark()));
        cluster = LocalSparkCluster.start(tmp, jars.spark());
    }

    @AfterAll
    void stopCluster() throws IOException {
        if (cluster != null) cluster.close();
        System.clearProperty(SparkJars.APP_PROPERTY);
        System.clearProperty(SparkJars.SPARK_PROPERTY);
        deleteTree(tmp);
    }

    @Test
    @Order(1)
    void sweep_shipMode_everyFileAsTheLocalSweepWrites() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("ship"));
        functions(in.resolve("funcs.csv"));
        // two traces of the same name in different folders: both must reach the executors
        Files.createDirectories(in.resolve("a"));
        Files.createDirectories(in.resolve("b"));
        Files.writeString(
                in.resolve("a/trace.csv"), "func_name,invoke_time_ms\nf1,0\ng2,10\nf1,50\nf1,1000\ng2,1200.5\n");
        Files.writeString(
                in.resolve("b/trace.csv"), "func_name,invoke_time_ms\ng2,0\ng2,5\nf1,7\nf1,900\ng2,950\nf1,3000\n");
        Path e = in.resolve("ship.json");
        Files.writeString(e, """
                {"name": "ship", "seed": 7,
                 "workload": {"functions_csv": "funcs.csv", "trace_csv": ["a/trace.csv", "b/trace.csv"]},
                 "policy": ["fcfs", "mqfq-sticky"]}
                """);
        Path out = tmp.resolve("ship-out");
        Run local = sweep("--experiment", e.toString(), "--out", out.toString());
        assertThat(local.status).as(local.err).isZero();
        Path localOut = Files.move(out, tmp.resolve("ship-local"));

        Run onCluster = sweep("--experiment", e.toString(), "--out", out.toString(), "--cluster", cluster.url());

        assertThat(onCluster.status).as(onCluster.err).isZero();
        assertThat(onCluster.out).isEqualTo("4 points written to " + out + " (sweep.csv has one row per point)\n");
        assertThat(onCluster.err)
                .contains("sweep: 4 points on " + cluster.url())
                .contains("point 4/4 done");
        assertSameFiles(localOut, out, List.of("--cluster", cluster.url()));
        assertThat(Files.readString(out.resolve("002-workload.trace_csv-b_trace.csv_policy-fcfs/manifest.json")))
                .contains("\"path\": \"" + in.resolve("b/trace.csv") + "\"");
    }

    @Test
    @Order(2)
    void sweep_sharedMode_everyFileAsTheLocalSweepWrites() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        functions(shared.resolve("funcs.csv"));
        Files.writeString(
                shared.resolve("trace.csv"), "func_name,invoke_time_ms\nf1,0\ng2,10\nf1,50\nf1,1000\ng2,1200.5\n");
        Path e = shared.resolve("shared.json");
        Files.writeString(e, """
                {"name": "shared", "seed": 3, "workload": {"functions_csv": "funcs.csv", "trace_csv": "trace.csv"},
                 "params": {"D": [1, 2]}}
                """);
        Path out = shared.resolve("out");
        Run local = sweep("--experiment", e.toString(), "--out", out.toString());
        assertThat(local.status).as(local.err).isZero();
        Path localOut = Files.move(out, tmp.resolve("shared-local"));

        Run onCluster = sweep(
                "--experiment",
                e.toString(),
                "--out",
                out.toString(),
                "--cluster",
                cluster.url(),
                "--shared-dir",
                shared.toString());

        assertThat(onCluster.status).as(onCluster.err).isZero();
        assertThat(onCluster.err).contains("point 2/2 done");
        assertSameFiles(localOut, out, List.of("--cluster", cluster.url(), "--shared-dir", shared.toString()));
    }

    @Test
    @Order(3)
    void sweep_aPointFails_sameLineAndStatusAsLocallyAndNoSweepLeft() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("failing"));
        functions(in.resolve("funcs.csv"));
        Files.writeString(in.resolve("late-bad.csv"), "func_name,invoke_time_ms\nf1,0\nf1,-1\n");
        Path e = in.resolve("bad.json");
        Files.writeString(
                e,
                "{\"workload\": {\"functions_csv\": \"funcs.csv\", \"trace_csv\": \"late-bad.csv\"},"
                        + " \"params\": {\"D\": [1, 2]}}");
        Path out = tmp.resolve("failing-out");
        Run local = sweep("--experiment", e.toString(), "--out", out.toString());

        Run onCluster = sweep("--experiment", e.toString(), "--out", out.toString(), "--cluster", cluster.url());

        assertThat(local.status).isEqualTo(2);
        assertThat(onCluster.status).isEqualTo(2);
        assertThat(errors(onCluster))
                .isEqualTo(errors(local))
                .containsExactly("error: " + in.resolve("late-bad.csv")
                        + ", line 3, field 'invoke_time_ms': '-1' must not be negative");
        assertThat(out).doesNotExist();
    }

    @Test
    @Order(4)
    void sweep_masterDoesNotAnswer_exit2OneLineNothingWritten() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path e = tmp.resolve("ship/ship.json");
        Path out = tmp.resolve("nowhere");

        Run r = sweep("--experiment", e.toString(), "--out", out.toString(), "--cluster", "spark://127.0.0.1:" + port);

        assertThat(r.status).isEqualTo(2);
        assertThat(r.err)
                .isEqualTo("error: --cluster: cannot reach the Spark master at spark://127.0.0.1:" + port
                        + " (Connection refused)\n");
        assertThat(out).doesNotExist();
    }

    @Test
    @Order(5)
    void sweep_masterLostMidway_exit2WithTheReasonAndNoSweepLeft() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("lost"));
        Path e = in.resolve("long.json");
        Files.writeString(e, """
                {"name": "long", "seed": [1, 2, 3, 4, 5, 6, 7, 8], "duration_s": 3600,
                 "workload": {"azure_like": {"functions": 24, "offered_load": 0.5}}}
                """);
        Path out = tmp.resolve("lost-out");
        Path masterLog = tmp.resolve("master.log");
        long registered = count(masterLog, "Registered app");
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(
                () -> sweep("--experiment", e.toString(), "--out", out.toString(), "--cluster", cluster.url()));
        while (count(masterLog, "Registered app") == registered && !running.isDone()) Thread.sleep(100);
        cluster.master().destroy();

        Run r = running.get(2, TimeUnit.MINUTES);

        assertThat(r.status).as(r.err).isEqualTo(2);
        assertThat(errors(r))
                .containsExactly("error: --cluster: lost the Spark master at " + cluster.url()
                        + " (Connection refused); the sweep was stopped");
        assertThat(out).doesNotExist();
    }

    private record Run(int status, String out, String err) {}

    private static Run sweep(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> a = new ArrayList<>(List.of("sweep"));
        a.addAll(List.of(args));
        int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), a.toArray(String[]::new));
        return new Run(status, out.toString(), err.toString());
    }

    private static List<String> errors(Run r) {
        return r.err.lines()
                .filter(l -> l.startsWith("error: ") || l.startsWith("internal error: "))
                .toList();
    }

    private static void functions(Path file) throws IOException {
        Files.writeString(file, "func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf1,2000,100,1024\ng2,3000,500,2048\n");
    }

    /**
     * Every file under {@code local} and {@code cluster}, byte for byte, except summary.json's wall_ms
     * and events_per_s lines and the manifests' command, which on the cluster is the local one followed by {@code clusterArgs}.
     */
    private static void assertSameFiles(Path local, Path cluster, List<String> clusterArgs) throws IOException {
        List<Path> files = relativeFiles(local);
        assertThat(relativeFiles(cluster)).containsExactlyElementsOf(files);
        assertThat(files).hasSizeGreaterThan(2);
        for (Path f : files) {
            String name = f.getFileName().toString();
            byte[] a = Files.readAllBytes(local.resolve(f));
            byte[] b = Files.readAllBytes(cluster.resolve(f));
            if (name.equals("summary.json")) {
                assertThat(withoutWallMs(b)).as(f.toString()).isEqualTo(withoutWallMs(a));
            } else if (name.equals("manifest.json")) {
                assertThat(command(b))
                        .as(f + " command")
                        .isEqualTo(command(a)
                                + clusterArgs.stream()
                                        .map(s -> ",\n    \"" + s + "\"")
                                        .collect(Collectors.joining()));
                assertThat(withoutCommand(b)).as(f.toString()).isEqualTo(withoutCommand(a));
            } else {
                assertThat(b).as(f.toString()).isEqualTo(a);
            }
        }
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    private static String withoutWallMs(byte[] summary) {
        String s = new String(summary, StandardCharsets.UTF_8);
        assertThat(s).contains("\"wall_ms\": ");
        return s.replaceAll("\"wall_ms\": [0-9]+,", "\"wall_ms\": ,")
                .replaceAll("\"events_per_s\": ([0-9.]+|null),", "\"events_per_s\": ,");
    }

    private static final Pattern COMMAND = Pattern.compile("(?s)\"command\": \\[\n(.*?)\n  ],");

    private static String command(byte[] manifest) {
        Matcher m = COMMAND.matcher(new String(manifest, StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String withoutCommand(byte[] manifest) {
        return COMMAND.matcher(new String(manifest, StandardCharsets.UTF_8)).replaceFirst("\"command\": [],");
    }

    private static long count(Path log, String text) throws IOException {
        if (!Files.exists(log)) return 0;
        return Files.readString(log).lines().filter(l -> l.contains(text)).count();
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
