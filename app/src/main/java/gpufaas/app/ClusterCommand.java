package gpufaas.app;

import gpufaas.engine.model.BadInputException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./workbench cluster master|worker}: starts Spark's own standalone Master or Worker from the
 * workbench's jars (no Spark installation), in the foreground until stopped (Ctrl+C). The engine
 * comes from {@link SweepCluster}; this command only reads the options.
 */
@Command(
        name = "cluster",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Starts a daemon of a Spark 4.2 standalone cluster from the workbench's own jars, in the "
                    + "foreground until Ctrl+C: 'cluster master' on one machine, 'cluster worker spark://HOST:PORT' on "
                    + "each machine that runs points; then sweep --cluster spark://HOST:PORT."
        },
        subcommands = {ClusterCommand.MasterCommand.class, ClusterCommand.WorkerCommand.class})
final class ClusterCommand implements Callable<Integer> {
    static final String SCHEME = "spark";
    private static final Pattern MEMORY = Pattern.compile("[0-9]+[kKmMgGtT]");

    @ParentCommand
    Main main;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Override
    public Integer call() {
        throw new BadInputException(
                "cluster", 0, null, "name the daemon to start: cluster master, or cluster worker spark://HOST:PORT");
    }

    static int port(int p, String option) {
        if (p < 0 || p > 65535) throw new BadInputException(option, 0, null, "must be a port 0-65535, got " + p);
        return p;
    }

    /** {@code cluster master}. */
    @Command(
            name = "master",
            sortOptions = false,
            usageHelpAutoWidth = true,
            description = "Runs Spark's standalone Master (org.apache.spark.deploy.master.Master) until Ctrl+C.")
    static final class MasterCommand implements Callable<Integer> {
        @ParentCommand
        ClusterCommand parent;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help message and exit.")
        boolean help;

        @Option(
                names = "--host",
                paramLabel = "HOST",
                description =
                        "name or address to bind to and that workers use " + "(default: this machine's host name)")
        String host;

        @Option(
                names = "--port",
                paramLabel = "P",
                description = "port for workers and sweeps (default: ${DEFAULT-VALUE})")
        int port = 7077;

        @Option(
                names = "--webui-port",
                paramLabel = "P",
                description = "port of the master's web UI (default: ${DEFAULT-VALUE})")
        int webUiPort = 8080;

        @Override
        public Integer call() throws Exception {
            SweepCluster.Master m = new SweepCluster.Master(
                    host != null ? host : InetAddress.getLocalHost().getHostName(),
                    port(port, "--port"),
                    port(webUiPort, "--webui-port"));
            return SweepCluster.forScheme(SCHEME, "cluster master").runMaster(m, parent.main.err);
        }
    }

    /** {@code cluster worker}. */
    @Command(
            name = "worker",
            sortOptions = false,
            usageHelpAutoWidth = true,
            description =
                    "Runs Spark's standalone Worker (org.apache.spark.deploy.worker.Worker) until Ctrl+C; its executors "
                            + "run sweep points. Clean-up of finished applications' files is on.")
    static final class WorkerCommand implements Callable<Integer> {
        @ParentCommand
        ClusterCommand parent;

        @Option(
                names = {"-h", "--help"},
                usageHelp = true,
                description = "Show this help message and exit.")
        boolean help;

        @Parameters(index = "0", paramLabel = "spark://HOST:PORT", description = "the master to register with")
        String master;

        @Option(
                names = "--host",
                paramLabel = "HOST",
                description = "name or address to bind to (default: this machine's)")
        String host;

        @Option(names = "--cores", paramLabel = "N", description = "cores to offer (default: all of this machine's)")
        Integer cores;

        @Option(
                names = "--memory",
                paramLabel = "M",
                description = "memory to offer, e.g. 4g (default: this machine's less 1 GiB)")
        String memory;

        @Option(
                names = "--work-dir",
                paramLabel = "DIR",
                description = "folder for the executors' files "
                        + "(default: a temporary folder, removed when the worker stops)")
        Path workDir;

        @Option(
                names = "--webui-port",
                paramLabel = "P",
                description = "port of the worker's web UI (default: ${DEFAULT-VALUE})")
        int webUiPort = 8081;

        @Override
        public Integer call() throws Exception {
            if (!master.startsWith(SCHEME + "://")) {
                throw new BadInputException(
                        "cluster worker", 0, null, "'" + master + "' is not a master URL; expected spark://HOST:PORT");
            }
            if (cores != null && cores < 1)
                throw new BadInputException("--cores", 0, null, "must be >= 1, got " + cores);
            if (memory != null && !MEMORY.matcher(memory).matches()) {
                throw new BadInputException(
                        "--memory", 0, null, "expected a size like 2g or 512m, got '" + memory + "'");
            }
            if (workDir != null && Files.exists(workDir) && !Files.isDirectory(workDir)) {
                throw new BadInputException("--work-dir", 0, null, workDir + " exists and is not a folder");
            }
            SweepCluster engine = SweepCluster.forUrl(master, "cluster worker");
            return engine.runWorker(
                    new SweepCluster.Worker(
                            master,
                            host,
                            cores,
                            memory,
                            workDir == null ? null : workDir.toAbsolutePath(),
                            port(webUiPort, "--webui-port")),
                    parent.main.err);
        }
    }
}
