package gpufaas.backend.docker;

import java.util.Locale;
import java.util.Map;

/**
 * How the Docker backend runs functions.
 *
 * @param work         what built-in functions do for their warm time: {@code sleep} or {@code cpu}
 *                     (calibrated MD5 work over zero bytes)
 * @param memoryMb     each container's memory limit (swap the same: none extra)
 * @param cpus         each container's CPU limit
 * @param pids         each container's process limit
 * @param execTimeoutS an invocation's time limit in seconds; 0 = max(30 s, 10 × its warm time)
 * @param gpus         {@code auto} (GPU containers when the NVIDIA runtime is there), {@code on}, {@code off}
 * @param functions    functions with their own image and command, by name; the rest use the built-in image
 */
public record DockerOptions(
        String work,
        int memoryMb,
        double cpus,
        int pids,
        double execTimeoutS,
        String gpus,
        Map<String, FunctionImage> functions) {
    public static final DockerOptions DEFAULTS = new DockerOptions("sleep", 256, 1.0, 64, 0, "auto", Map.of());

    public DockerOptions {
        work = work == null ? "sleep" : work.toLowerCase(Locale.ROOT);
        gpus = gpus == null ? "auto" : gpus.toLowerCase(Locale.ROOT);
        if (!work.equals("sleep") && !work.equals("cpu"))
            throw new IllegalArgumentException("work must be sleep or cpu, got '" + work + "'");
        if (!gpus.equals("auto") && !gpus.equals("on") && !gpus.equals("off")) {
            throw new IllegalArgumentException("gpus must be auto, on or off, got '" + gpus + "'");
        }
        if (memoryMb < 6)
            throw new IllegalArgumentException("memory_mb must be >= 6 (the engine's minimum), got " + memoryMb);
        if (!(cpus > 0) || Double.isInfinite(cpus)) throw new IllegalArgumentException("cpus must be > 0, got " + cpus);
        if (pids < 4) throw new IllegalArgumentException("pids must be >= 4, got " + pids);
        if (!(execTimeoutS >= 0) || Double.isInfinite(execTimeoutS)) {
            throw new IllegalArgumentException("exec_timeout_s must be >= 0, got " + execTimeoutS);
        }
        functions = functions == null ? Map.of() : Map.copyOf(functions);
    }

    /** The time limit of one invocation of a function with this warm time (ms). */
    public long execTimeoutMs(double warmMs) {
        if (execTimeoutS > 0) return Math.round(execTimeoutS * 1000);
        return Math.max(30_000, Math.round(10 * warmMs));
    }
}
