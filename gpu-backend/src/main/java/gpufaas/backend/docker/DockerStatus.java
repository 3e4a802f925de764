package gpufaas.backend.docker;

import java.util.List;

/**
 * What a probe of the Docker engine found: whether it answers, its version, its runtimes (and so
 * whether GPU containers are possible), or why it cannot be used.
 *
 * @param host   the engine's address (DOCKER_HOST or the default socket)
 * @param reason why the engine cannot be used; empty when available
 */
public record DockerStatus(
        boolean available, String host, String version, String apiVersion, List<String> runtimes, String reason) {
    public DockerStatus {
        runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
        reason = reason == null ? "" : reason;
    }

    /** true when the engine lists the NVIDIA container runtime (GPU containers possible). */
    public boolean nvidiaRuntime() {
        return runtimes.contains("nvidia");
    }

    /** One line for the user: what GPU containers need that is missing, or that they are possible. */
    public String gpuSupport() {
        if (!available) return "no Docker engine: " + reason;
        if (nvidiaRuntime()) return "NVIDIA container runtime present: GPU containers get device requests";
        return "no NVIDIA container runtime (the engine lists "
                + (runtimes.isEmpty() ? "none" : String.join(", ", runtimes))
                + "): containers run without a GPU; install nvidia-container-toolkit and register its runtime for GPU containers";
    }

    static DockerStatus down(String host, String reason) {
        return new DockerStatus(false, host, "", "", List.of(), reason);
    }
}
