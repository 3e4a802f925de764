package gpufaas.app;

import gpufaas.engine.run.EngineConfig;
import gpufaas.workload.experiment.Experiment;
import gpufaas.workload.experiment.InputFile;
import java.util.List;

/**
 * A run resolved and validated before any file is written: the experiment (spec with overrides,
 * workload, device profile), the engine configuration, the devices' names (for invocations.csv),
 * every input file read, and notes for the user (parameters ignored and why).
 */
record RunSetup(
        String name,
        Experiment experiment,
        EngineConfig config,
        List<String> deviceNames,
        List<InputFile> inputs,
        List<String> notes) {
    RunSetup {
        deviceNames = List.copyOf(deviceNames);
        inputs = List.copyOf(inputs);
        notes = List.copyOf(notes);
    }
}
