package gpufaas.app;

import gpufaas.engine.model.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * A distributed engine that runs sweep points on a cluster ({@code sweep --cluster URL}) and starts
 * that cluster's own daemons ({@code cluster master|worker}). Found through {@link ServiceLoader}:
 * the app carries no such engine itself, so the GUI and the installer stay free of it; the
 * {@code sweep-spark} module provides Apache Spark's for {@code spark://} URLs.
 */
public interface SweepCluster {

    /** The scheme of the cluster URLs it takes: {@code spark} for {@code spark://HOST:PORT}. */
    String scheme();

    /**
     * Connects to the cluster at {@code connection.url()}; the executor runs points there until it
     * is closed. A cluster that cannot be reached is a {@link BadInputException} naming the option.
     */
    SweepExecutor connect(Connection connection);

    /** Runs the cluster's master in the foreground until it stops; returns its exit status. */
    int runMaster(Master master, PrintWriter err) throws Exception;

    /** Runs one worker in the foreground until it stops; returns its exit status. */
    int runWorker(Worker worker, PrintWriter err) throws Exception;

    /**
     * How a sweep reaches its cluster.
     *
     * @param url       the master's URL, e.g. {@code spark://host:7077}
     * @param sharedDir a folder every machine of the cluster sees at the same path, holding the
     *                  inputs and the output (null: ship inputs out and results back)
     * @param conf      settings for the engine ({@code --cluster-conf KEY=VALUE}), in order
     * @param err       where notes for the user go (e.g. that no executor has started yet)
     */
    record Connection(String url, Path sharedDir, Map<String, String> conf, PrintWriter err) {
        public Connection {
            conf = Map.copyOf(conf);
        }
    }

    /**
     * A master to start.
     *
     * @param host      the name or address it binds to and workers reach it at
     * @param port      the port workers and sweeps connect to
     * @param webUiPort the port of its web UI
     */
    record Master(String host, int port, int webUiPort) {}

    /**
     * A worker to start.
     *
     * @param masterUrl the master it registers with
     * @param host      the name or address it binds to (null: the engine's choice)
     * @param cores     cores it offers (null: all of this machine's)
     * @param memory    memory it offers, e.g. {@code 4g} (null: the engine's default)
     * @param workDir   folder for the executors' files (null: a temporary folder removed at the end)
     * @param webUiPort the port of its web UI
     */
    record Worker(String masterUrl, String host, Integer cores, String memory, Path workDir, int webUiPort) {}

    /**
     * The engine for {@code url}'s scheme on the class path. Throws {@link BadInputException} naming
     * {@code option} when the URL has no scheme or no engine for it is on the class path.
     */
    static SweepCluster forUrl(String url, String option) {
        int sep = url.indexOf("://");
        if (sep <= 0) {
            throw new BadInputException(
                    option, 0, null, "'" + url + "' is not a cluster URL; expected spark://HOST:PORT");
        }
        return forScheme(url.substring(0, sep).toLowerCase(Locale.ROOT), option);
    }

    /** The engine for {@code scheme} on the class path; a {@link BadInputException} naming {@code option} when none is. */
    static SweepCluster forScheme(String scheme, String option) {
        for (SweepCluster c : ServiceLoader.load(SweepCluster.class)) {
            if (c.scheme().equalsIgnoreCase(scheme)) return c;
        }
        throw new BadInputException(
                option,
                0,
                null,
                "no executor for " + scheme + ":// clusters on the class path "
                        + "(./workbench adds the sweep-spark module's jars for sweep --cluster and cluster)");
    }
}
