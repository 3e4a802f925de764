package gpufaas.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import gpufaas.engine.model.BadInputException;
import gpufaas.workload.experiment.ExperimentJson;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.InputFile;
import gpufaas.workload.experiment.Presets;
import gpufaas.workload.experiment.SweepExpander;
import gpufaas.workload.experiment.WorkloadSpec;
import gpufaas.workload.io.ManifestWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A run's input before command-line overrides: the experiment as written (from a preset, an
 * experiment file or a trace with its functions), the folder its relative paths resolve against
 * (null: the working directory), the name errors give it, and the files read so far.
 */
record BaseInput(ExperimentSpec spec, Path baseDir, String source, List<InputFile> inputs) {
    /** Seed of a run from a trace when --seed is not given. */
    static final long DEFAULT_SEED = 1;

    BaseInput {
        inputs = List.copyOf(inputs);
    }

    static BaseInput preset(String name) {
        byte[] bytes = Presets.bytes(name);
        String n = name.trim().toLowerCase(Locale.ROOT);
        String source = "preset " + n;
        ExperimentSpec spec = ExperimentJson.read(bytes, source);
        return new BaseInput(spec, null, source, List.of(new InputFile("experiment", "preset:" + n, sha256(bytes))));
    }

    static BaseInput experiment(Path file) {
        byte[] bytes = read(file, "--experiment");
        String source = file.toString();
        ObjectNode tree = ExperimentJson.readTree(bytes, source);
        List<String> axes = new ArrayList<>();
        for (SweepExpander.Axis a : SweepExpander.axes(tree)) axes.add(a.path());
        if (!axes.isEmpty()) {
            throw BadInputException.of(
                    source,
                    "list values make this a sweep (axes: " + String.join(", ", axes) + "); run it with "
                            + LauncherName.command() + " sweep --experiment " + file);
        }
        ExperimentSpec spec = ExperimentJson.read(bytes, source);
        Path base = file.toAbsolutePath().getParent();
        return new BaseInput(spec, base, source, List.of(new InputFile("experiment", file.toString(), sha256(bytes))));
    }

    /** A trace CSV with its functions CSV; the run is named after the trace file. */
    static BaseInput trace(Path trace, Path functions) {
        requireFile(trace, "--trace");
        requireFile(functions, "--functions");
        String name = trace.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        WorkloadSpec w = new WorkloadSpec.Trace(functions.toString(), trace.toString());
        ExperimentSpec spec = new ExperimentSpec(name, "", DEFAULT_SEED, null, w, null, null, null, null, null, null);
        return new BaseInput(spec, null, "command line", List.of());
    }

    static void requireFile(Path file, String option) {
        if (!Files.isRegularFile(file)) throw new BadInputException(option, 0, null, "no such file: " + file);
    }

    private static byte[] read(Path file, String option) {
        requireFile(file, option);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(option, 0, null, "cannot read " + file + ": " + e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The manifest's record of an input file. */
    static ManifestWriter.Input manifestInput(InputFile f) {
        return new ManifestWriter.Input(f.role(), f.path(), f.sha256());
    }
}
