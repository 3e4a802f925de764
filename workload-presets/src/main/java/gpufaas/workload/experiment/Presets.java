package gpufaas.workload.experiment;

import gpufaas.engine.model.BadInputException;
import gpufaas.workload.calibration.DissertationTraces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in presets: experiment JSON resources {@code gpufaas/presets/NAME.json}, listed here
 * explicitly (no classpath scanning), and the dissertation's nine traces ({@code diss-TRACE}, built
 * from the calibration data by {@link DissertationTraces}). Load one with
 * {@link ExperimentLoader#loadPreset(String)}.
 */
public final class Presets {
    private static final List<String> FILES = List.of(
            "paper-medium",
            "teaching-3",
            "mps-demo",
            "mig-demo",
            "multi-gpu",
            "mixed-slo",
            "overload",
            "cpu-gpu",
            "kaas-tenants",
            "docker-demo");
    private static final List<String> NAMES = names(FILES);

    private Presets() {}

    private static List<String> names(List<String> files) {
        List<String> all = new ArrayList<>(files);
        all.addAll(DissertationTraces.presetNames());
        return List.copyOf(all);
    }

    /** Preset names in listing order. */
    public static List<String> names() {
        return NAMES;
    }

    /** Names with descriptions. */
    public static List<PresetInfo> list() {
        List<PresetInfo> out = new ArrayList<>();
        for (String n : NAMES) out.add(new PresetInfo(n, spec(n).description()));
        return out;
    }

    /** The preset's spec as written (not resolved). */
    public static ExperimentSpec spec(String name) {
        return ExperimentJson.read(bytes(name), "preset " + name);
    }

    /** The preset's JSON bytes; an unknown name is a {@link BadInputException} listing the known ones. */
    public static byte[] bytes(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new BadInputException(
                    "--preset", 0, null, "unknown preset '" + name + "'; known: " + String.join(", ", NAMES));
        }
        if (!FILES.contains(n)) {
            String trace = n.substring(DissertationTraces.PREFIX.length());
            return ExperimentJson.write(DissertationTraces.experiment(trace)).getBytes(StandardCharsets.UTF_8);
        }
        String res = "/gpufaas/presets/" + n + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("missing resource " + res);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
