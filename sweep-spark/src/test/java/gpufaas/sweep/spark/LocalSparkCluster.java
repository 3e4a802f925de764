package gpufaas.sweep.spark;

import gpufaas.app.SweepCluster;
import gpufaas.sweep.spark.daemon.SparkDaemon;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real standalone cluster for tests: Spark's Master and two Workers (one core, 1 GiB each) as
 * processes of their own on 127.0.0.1, started as {@code ./workbench cluster} starts them, on ports
 * they pick themselves, with their logs and work folders in {@code dir}. It also names the jars as
 * the launcher does ({@link SparkJars}): the app's (its jar and class path from the reactor's
 * {@code app/target}, and this module's classes packed into a jar) and Spark's
 * ({@code target/classpath.txt}).
 */
final class LocalSparkCluster implements AutoCloseable {
    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
    private static final long START_TIMEOUT_MS = 90_000;

    private final List<SparkDaemon.Running> daemons = new ArrayList<>();
    private final Path dir;
    private String url;

    private LocalSparkCluster(Path dir) {
        this.dir = dir;
    }

    /** The jars as ./workbench names them, for a JVM whose working directory is this module. */
    static SparkJars jars(Path dir) throws IOException {
        Path appTarget = Path.of("..", "app", "target").toAbsolutePath().normalize();
        List<Path> app = new ArrayList<>();
        try (Stream<Path> s = Files.list(appTarget)) {
            app.add(s.filter(p -> p.getFileName().toString().matches("app-.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() ->
                            new IllegalStateException("no app jar in " + appTarget + "; build the reactor first")));
        }
        app.addAll(SparkJars.split(Files.readString(appTarget.resolve("classpath.txt"))));
        app.add(jarOf(Path.of("target", "classes"), dir.resolve("sweep-spark.jar")));
        List<Path> spark = SparkJars.split(Files.readString(Path.of("target", "classpath.txt")));
        return new SparkJars(app, spark);
    }

    /** Starts the master, then two workers, and waits until both registered. */
    static LocalSparkCluster start(Path dir, List<Path> sparkJars) throws IOException, InterruptedException {
        LocalSparkCluster c = new LocalSparkCluster(dir);
        try {
            Path masterLog = dir.resolve("master.log");
            c.daemons.add(SparkDaemon.master(new SweepCluster.Master("127.0.0.1", 0, 0), sparkJars)
                    .start(masterLog));
            c.url = c.await(masterLog, MASTER_URL);
            for (int i = 1; i <= 2; i++) {
                SweepCluster.Worker w =
                        new SweepCluster.Worker(c.url, "127.0.0.1", 1, "1g", dir.resolve("work-" + i), 0);
                c.daemons.add(SparkDaemon.worker(w, sparkJars).start(dir.resolve("worker-" + i + ".log")));
            }
            for (int i = 1; i <= 2; i++)
                c.await(dir.resolve("worker-" + i + ".log"), Pattern.compile("(Successfully registered with master)"));
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    String url() {
        return url;
    }

    /** The master's process. */
    Process master() {
        return daemons.get(0).process();
    }

    private String await(Path log, Pattern p) throws IOException, InterruptedException {
        long end = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (System.currentTimeMillis() < end) {
            if (Files.exists(log)) {
                Matcher m = p.matcher(Files.readString(log));
                if (m.find()) return m.group(1);
            }
            for (SparkDaemon.Running d : daemons) {
                if (!d.process().isAlive()) throw new IllegalStateException("a Spark daemon exited; see " + dir);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "no '" + p.pattern() + "' in " + log + " after " + START_TIMEOUT_MS / 1000 + " s");
    }

    /** Stops the workers, then the master; their temporary Spark homes go with them. */
    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) daemons.get(i).close();
    }

    private static Path jarOf(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }
}
