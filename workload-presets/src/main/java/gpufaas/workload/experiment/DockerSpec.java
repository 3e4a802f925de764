package gpufaas.workload.experiment;

import static gpufaas.workload.json.FieldProblem.require;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How an experiment runs on the Docker backend ({@code "docker"} in experiment JSON; ignored by the
 * other backends). Every value may be left out: built-in functions sleep ({@code work}) for their
 * warm time in the busybox image, each container gets 256 MB, 1 CPU and 64 processes, an
 * invocation may take max(30 s, 10 × its warm time), and GPU containers are used when the engine
 * has the NVIDIA runtime ({@code gpus}: auto, on, off). {@code functions} gives named functions
 * their own image and command.
 */
@JsonPropertyOrder({"work", "memory_mb", "cpus", "pids", "exec_timeout_s", "gpus", "functions"})
public record DockerSpec(
        String work,
        Integer memoryMb,
        Double cpus,
        Integer pids,
        Double execTimeoutS,
        String gpus,
        Map<String, Function> functions) {

    public DockerSpec {
        require(work == null || work.equals("sleep") || work.equals("cpu"), "docker.work", "must be sleep or cpu");
        require(memoryMb == null || memoryMb >= 6, "docker.memory_mb", "must be >= 6");
        require(cpus == null || (cpus > 0 && Double.isFinite(cpus)), "docker.cpus", "must be > 0");
        require(pids == null || pids >= 4, "docker.pids", "must be >= 4");
        require(
                execTimeoutS == null || (execTimeoutS > 0 && Double.isFinite(execTimeoutS)),
                "docker.exec_timeout_s",
                "must be > 0");
        require(
                gpus == null || gpus.equals("auto") || gpus.equals("on") || gpus.equals("off"),
                "docker.gpus",
                "must be auto, on or off");
        functions = functions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    /**
     * One function's own image: {@code command} is the argument vector each invocation execs (no
     * shell; the whole arguments {warm_ms}, {warm_s} and {mem_mb} are replaced by the function's
     * values), {@code keep_alive} what the container runs between invocations (default
     * {@code sleep 2147483647}), {@code env} its environment.
     */
    @JsonPropertyOrder({"image", "command", "keep_alive", "env"})
    public record Function(String image, List<String> command, List<String> keepAlive, Map<String, String> env) {
        public Function {
            require(image != null && !image.isBlank(), "docker.functions.image", "is required");
            require(
                    command != null && !command.isEmpty(),
                    "docker.functions.command",
                    "is required (an argument vector)");
            command = List.copyOf(command);
            keepAlive = keepAlive == null ? List.of() : List.copyOf(keepAlive);
            env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
        }
    }
}
