package gpufaas.workload.experiment;

import static gpufaas.workload.json.FieldProblem.require;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An experiment as written in JSON (snake_case): the workload, the devices, the policy with its
 * admission and placement pieces and parameters, the backend and the seed. Absent values take
 * defaults (seed 42, one a30, mqfq-sticky, admit-all, gpu-only, sim); {@code duration_s} may stay
 * null and then means 600 s for generated workloads and the whole input for traces.
 * Parameters are kept as text and validated by the engine against the policy's declarations.
 */
@JsonPropertyOrder({
    "name",
    "description",
    "seed",
    "duration_s",
    "workload",
    "devices",
    "policy",
    "admission",
    "placement",
    "params",
    "backend",
    "docker"
})
public record ExperimentSpec(
        String name,
        String description,
        Long seed,
        Double durationS,
        WorkloadSpec workload,
        DevicesSpec devices,
        String policy,
        String admission,
        String placement,
        Map<String, String> params,
        String backend,
        DockerSpec docker) {
    public static final double DEFAULT_DURATION_S = 600;

    @com.fasterxml.jackson.annotation.JsonCreator
    public ExperimentSpec {
        if (name == null || name.isBlank()) name = "experiment";
        if (description == null) description = "";
        if (seed == null) seed = 42L;
        require(durationS == null || (durationS > 0 && Double.isFinite(durationS)), "duration_s", "must be > 0");
        require(workload != null, "workload", "is required");
        if (devices == null) devices = DevicesSpec.of(DevicesSpec.DEFAULT_GPU, 1);
        if (policy == null || policy.isBlank()) policy = "mqfq-sticky";
        if (admission == null || admission.isBlank()) admission = "admit-all";
        if (placement == null || placement.isBlank()) placement = "gpu-only";
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        if (backend == null || backend.isBlank()) backend = "sim";
    }

    /** An experiment without Docker settings. */
    public ExperimentSpec(
            String name,
            String description,
            Long seed,
            Double durationS,
            WorkloadSpec workload,
            DevicesSpec devices,
            String policy,
            String admission,
            String placement,
            Map<String, String> params,
            String backend) {
        this(
                name,
                description,
                seed,
                durationS,
                workload,
                devices,
                policy,
                admission,
                placement,
                params,
                backend,
                null);
    }

    /** {@code duration_s}, or {@link #DEFAULT_DURATION_S} when absent. */
    public double durationOrDefault() {
        return durationS != null ? durationS : DEFAULT_DURATION_S;
    }

    public ExperimentSpec withName(String newName, String newDescription) {
        return new ExperimentSpec(
                newName,
                newDescription,
                seed,
                durationS,
                workload,
                devices,
                policy,
                admission,
                placement,
                params,
                backend,
                docker);
    }
}
