package gpufaas.sweep.spark.daemon;

import gpufaas.app.SweepCluster;
import gpufaas.sweep.spark.task.FileTrees;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Spark's standalone Master or Worker as a process of its own: the same classes Spark's
 * {@code start-master.sh} and {@code start-worker.sh} run, from the workbench's copy of Spark's
 * jars, with Spark's module options, {@code SPARK_HOME} a {@link SparkHome} and
 * {@code SPARK_SCALA_VERSION=2.13} (the two things Spark's launcher code looks for), and on a
 * worker the clean-up of finished applications' files turned on.
 */
public final class SparkDaemon {
    static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
    static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
    /** Heap of a master or worker process: Spark's default daemon memory. */
    static final String DAEMON_HEAP = "-Xmx1g";
    /** Every 10 minutes a worker removes the files of applications that ended more than an hour ago. */
    static final List<String> WORKER_CLEANUP = List.of(
            "-Dspark.worker.cleanup.enabled=true",
            "-Dspark.worker.cleanup.interval=600",
            "-Dspark.worker.cleanup.appDataTtl=3600");

    private final String role;
    private final String mainClass;
    private final List<String> properties;
    private final List<String> args;
    private final List<Path> jars;
    private final Path workDir;
    private final String host;
    private final String hint;

    private SparkDaemon(
            String role,
            String mainClass,
            List<String> properties,
            List<String> args,
            List<Path> jars,
            Path workDir,
            String host,
            String hint) {
        this.role = role;
        this.mainClass = mainClass;
        this.properties = List.copyOf(properties);
        this.args = List.copyOf(args);
        this.jars = List.copyOf(jars);
        this.workDir = workDir;
        this.host = host;
        this.hint = hint;
    }

    /** A master binding {@code m.host()}; port 0 picks a free one (it logs the URL it got). */
    public static SparkDaemon master(SweepCluster.Master m, List<Path> sparkJars) {
        String url = "spark://" + m.host() + ":" + m.port();
        String hint = m.port() == 0
                ? ""
                : "; workers join with: ./workbench cluster worker " + url
                        + "; sweeps run with: ./workbench sweep --experiment FILE.json --out DIR --cluster " + url
                        + (m.webUiPort() == 0 ? "" : "; web UI http://" + m.host() + ":" + m.webUiPort());
        return new SparkDaemon(
                "master",
                MASTER_CLASS,
                List.of(),
                List.of(
                        "--host",
                        m.host(),
                        "--port",
                        Integer.toString(m.port()),
                        "--webui-port",
                        Integer.toString(m.webUiPort())),
                sparkJars,
                null,
                m.host(),
                hint);
    }

    /** A worker of {@code w.masterUrl()}; without a work folder it gets a temporary one, removed when it stops. */
    public static SparkDaemon worker(SweepCluster.Worker w, List<Path> sparkJars) {
        List<String> args = new ArrayList<>();
        if (w.host() != null) args.addAll(List.of("--host", w.host()));
        if (w.cores() != null) args.addAll(List.of("--cores", Integer.toString(w.cores())));
        if (w.memory() != null) args.addAll(List.of("--memory", w.memory()));
        args.addAll(List.of("--webui-port", Integer.toString(w.webUiPort())));
        args.add(w.masterUrl());
        return new SparkDaemon(
                "worker",
                WORKER_CLASS,
                WORKER_CLEANUP,
                args,
                sparkJars,
                w.workDir(),
                w.host(),
                " of " + w.masterUrl()
                        + (w.workDir() == null
                                ? " (work folder: a temporary one)"
                                : " (work folder " + w.workDir() + ")"));
    }

    /** The command line, for a process whose work folder (a worker's) is {@code work}. */
    List<String> command(Path work) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(DAEMON_HEAP);
        cmd.addAll(JvmModuleOptions.forThisJdk());
        cmd.addAll(properties);
        cmd.add("-cp");
        cmd.add(jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        cmd.add(mainClass);
        if (work != null) {
            cmd.add("--work-dir");
            cmd.add(work.toString());
        }
        cmd.addAll(args);
        return cmd;
    }

    /**
     * Starts the process; its output goes to {@code log}, or to this process's own when null.
     * {@link Running#close()} stops it and removes what was made for it.
     */
    public Running start(Path log) throws IOException {
        SparkHome home = SparkHome.create(jars);
        Path work = workDir;
        boolean temporary = false;
        if (WORKER_CLASS.equals(mainClass)) {
            if (work == null) {
                work = Files.createTempDirectory("gpufaas-spark-worker-");
                temporary = true;
            } else {
                Files.createDirectories(work);
            }
        }
        ProcessBuilder pb = new ProcessBuilder(command(work));
        Map<String, String> env = pb.environment();
        env.put("SPARK_HOME", home.dir().toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        if (loopback(host)) env.put("SPARK_LOCAL_IP", "127.0.0.1");
        if (log == null) pb.inheritIO();
        else pb.redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return new Running(pb.start(), home, temporary ? work : null);
        } catch (IOException e) {
            home.close();
            if (temporary) FileTrees.deleteQuietly(work);
            throw e;
        }
    }

    /** Runs in the foreground until the process ends (Ctrl+C ends both); returns its exit status. */
    public int run(PrintWriter err) throws IOException, InterruptedException {
        Running r = start(null);
        err.println("workbench: Spark " + role + hint + " (pid " + r.process().pid() + "); Ctrl+C stops it");
        err.flush();
        Thread hook = new Thread(r::close, "spark-" + role + "-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        int status = r.process().waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return status;
        }
        r.close();
        return status;
    }

    private static boolean loopback(String host) {
        if (host == null) return false;
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A started master or worker. */
    public static final class Running implements AutoCloseable {
        private final Process process;
        private final SparkHome home;
        private final Path temporaryWork;

        Running(Process process, SparkHome home, Path temporaryWork) {
            this.process = process;
            this.home = home;
            this.temporaryWork = temporaryWork;
        }

        public Process process() {
            return process;
        }

        /** Stops the process (a worker stops its executors first) and removes its temporary folders. */
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            home.close();
            if (temporaryWork != null) FileTrees.deleteQuietly(temporaryWork);
        }
    }
}
