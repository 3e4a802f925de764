package gpufaas.workload.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MigProfile;
import gpufaas.engine.model.BadInputException;
import gpufaas.workload.device.DeviceProfiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads experiments: from a JSON file (paths inside are relative to it), from a built-in preset,
 * or from a sweep point's tree; resolves the workload and the device profile and checksums every
 * file read. Every problem is one {@link BadInputException}.
 */
public final class ExperimentLoader {
    private ExperimentLoader() {}

    public static Experiment load(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw BadInputException.of(file.toString(), "cannot read experiment: " + e.getMessage());
        }
        ExperimentSpec spec = ExperimentJson.read(bytes, file.toString());
        Path base = file.toAbsolutePath().getParent();
        InputFile self = new InputFile("experiment", file.toString(), Experiments.sha256(bytes));
        return resolve(spec, base, file.toString(), List.of(self));
    }

    /** A built-in preset by name ({@link Presets#names()}). */
    public static Experiment loadPreset(String name) {
        byte[] bytes = Presets.bytes(name);
        String source = "preset " + name;
        ExperimentSpec spec = ExperimentJson.read(bytes, source);
        return resolve(
                spec, null, source, List.of(new InputFile("experiment", "preset:" + name, Experiments.sha256(bytes))));
    }

    /** A sweep point or any experiment tree; relative paths resolve against {@code baseDir}. */
    public static Experiment load(JsonNode experiment, Path baseDir, String source) {
        return resolve(ExperimentJson.fromTree(experiment, source), baseDir, source, List.of());
    }

    /** Resolves an already bound spec. */
    public static Experiment resolve(ExperimentSpec spec, Path baseDir, String source) {
        return resolve(spec, baseDir, source, List.of());
    }

    private static Experiment resolve(ExperimentSpec spec, Path baseDir, String source, List<InputFile> known) {
        List<InputFile> inputs = new ArrayList<>(known);
        DeviceProfile device = device(spec.devices(), baseDir, source, inputs);
        WorkloadBuilder.Built built = WorkloadBuilder.build(spec, baseDir, source, device);
        inputs.addAll(built.inputs());
        return new Experiment(spec, built.workload(), device, inputs, source);
    }

    private static DeviceProfile device(DevicesSpec d, Path baseDir, String source, List<InputFile> inputs) {
        DeviceProfile p;
        if (d.profileFile() != null) {
            Path file = WorkloadBuilder.existing(baseDir, d.profileFile(), "devices.profile_file", source);
            p = DeviceProfiles.read(file).profile();
            inputs.add(Experiments.input("profile_file", file));
        } else if (DeviceProfiles.builtIn().contains(d.gpu().trim().toLowerCase(Locale.ROOT))) {
            p = DeviceProfiles.load(d.gpu());
        } else {
            Path file = Experiments.resolve(baseDir, d.gpu());
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(
                        source,
                        0,
                        "devices.gpu",
                        "unknown device profile '" + d.gpu() + "'; built-in: "
                                + String.join(", ", DeviceProfiles.builtIn()) + " (or the path of a profile JSON)");
            }
            p = DeviceProfiles.read(file).profile();
            inputs.add(Experiments.input("profile_file", file));
        }
        if (d.mig() != null && p.migProfile(d.mig()) == null) {
            List<String> names = new ArrayList<>();
            for (MigProfile m : p.migProfiles()) names.add(m.name());
            throw new BadInputException(
                    source,
                    0,
                    "devices.mig",
                    "device " + p.name() + " has no MIG profile '" + d.mig() + "'"
                            + (names.isEmpty() ? " (it has no MIG)" : "; it has " + String.join(", ", names)));
        }
        return p;
    }
}
