package gpufaas.workload.experiment;

import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.model.Workload;
import java.util.List;

/**
 * A resolved experiment: the spec as written, the workload (its arrivals supplier opens a fresh
 * streaming source on each call, so it can be replayed under several policies), the GPU profile,
 * and the files read with their checksums.
 *
 * @param source what the experiment was loaded from (file name or {@code preset NAME}), for messages
 */
public record Experiment(
        ExperimentSpec spec, Workload workload, DeviceProfile device, List<InputFile> inputs, String source) {
    public Experiment {
        inputs = List.copyOf(inputs);
    }
}
