package gpufaas.views.run;

import gpufaas.engine.model.Workload;
import gpufaas.engine.run.EngineConfig;
import gpufaas.workload.experiment.ExperimentSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An experiment resolved for running, exactly as the command line resolves it: the spec as
 * edited, the folder its relative paths resolve against (null: none), the validated engine
 * configuration, the workload, the devices' names and notes for the user (parameters ignored and why).
 */
public record RunPlan(
        ExperimentSpec spec,
        Path baseDir,
        EngineConfig config,
        Workload workload,
        List<String> deviceNames,
        List<String> notes) {
    public RunPlan {
        deviceNames = List.copyOf(deviceNames);
        notes = List.copyOf(notes);
    }

    /** Simulated length of the arrivals in microseconds, or -1 when only the input knows (a trace without duration_s). */
    public long horizonUs() {
        boolean generated = spec.workload().generatedFromSeed();
        if (spec.durationS() != null) return Math.round(spec.durationS() * 1e6);
        return generated ? Math.round(spec.durationOrDefault() * 1e6) : -1;
    }

    /** "policy (k=v, ...)" with the parameters that differ from their defaults. */
    public String label() {
        StringBuilder b = new StringBuilder(config.policy().name());
        Map<String, String> p = spec.params();
        if (!p.isEmpty()) {
            b.append(" (");
            boolean first = true;
            for (Map.Entry<String, String> e : p.entrySet()) {
                if (!first) b.append(", ");
                b.append(e.getKey()).append('=').append(e.getValue());
                first = false;
            }
            b.append(')');
        }
        return b.toString();
    }
}
