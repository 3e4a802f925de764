package gpufaas.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Info;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens a client on the Docker engine named by {@code DOCKER_HOST} (default: the local socket) and
 * probes it. No API version is pinned (the engine's own is used).
 */
public final class DockerConnection {
    private DockerConnection() {}

    /** A client with bounded connect and response times, so a dead engine never hangs a run. */
    public static DockerClient open() {
        return open(null);
    }

    /** A client on {@code host} (e.g. {@code tcp://127.0.0.1:2375}); null for DOCKER_HOST or the local socket. */
    public static DockerClient open(String host) {
        return open(host, Duration.ofMinutes(2));
    }

    /**
     * A client whose responses may be silent for up to {@code responseTimeout}: two minutes for
     * requests, longer for the output streams of execs (their callers bound them with their own
     * time limit).
     */
    public static DockerClient open(String host, Duration responseTimeout) {
        DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (host != null) b.withDockerHost(host);
        DockerClientConfig config = b.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(256)
                .connectionTimeout(Duration.ofSeconds(5))
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The engine's address as the client will use it. */
    public static String host() {
        try {
            return DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .build()
                    .getDockerHost()
                    .toString();
        } catch (RuntimeException e) {
            return String.valueOf(System.getenv("DOCKER_HOST"));
        }
    }

    /** Probes the engine; never throws. */
    public static DockerStatus probe() {
        String host = host();
        try (DockerClient c = open()) {
            return probe(c, host);
        } catch (IOException | RuntimeException | LinkageError e) {
            return DockerStatus.down(host, "cannot reach the Docker engine at " + host + ": " + cause(e));
        }
    }

    /** Probes through an open client; never throws. */
    public static DockerStatus probe(DockerClient c, String host) {
        try {
            c.pingCmd().exec();
            Version v = c.versionCmd().exec();
            Info info = c.infoCmd().exec();
            List<String> runtimes = new ArrayList<>();
            Map<String, ?> rt = info.getRuntimes();
            if (rt != null) runtimes.addAll(rt.keySet());
            runtimes.sort(null);
            return new DockerStatus(
                    true, host, String.valueOf(v.getVersion()), String.valueOf(v.getApiVersion()), runtimes, "");
        } catch (RuntimeException e) {
            return DockerStatus.down(
                    host,
                    "cannot reach the Docker engine at " + host + ": " + cause(e)
                            + " (start it with `dockerd &` or set DOCKER_HOST)");
        }
    }

    /** The innermost message of a failure, for one-line reasons. */
    static String cause(Throwable e) {
        Throwable t = e;
        String msg = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank())
                msg = t.getClass().getSimpleName() + ": " + t.getMessage();
            if (t.getCause() == t) break;
            t = t.getCause();
        }
        if (msg == null) msg = e.getClass().getSimpleName();
        msg = msg.replace('\n', ' ').strip();
        return msg.length() > 300 ? msg.substring(0, 300) + "…" : msg;
    }

    /** true when {@code e} says the engine could not be talked to at all (rather than refusing a request). */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException && !(t instanceof InterruptedIOException)) return true;
            if (t instanceof UncheckedIOException) return true;
        }
        return false;
    }
}
