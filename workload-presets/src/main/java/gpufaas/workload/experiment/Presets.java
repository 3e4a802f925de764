package gpufaas.workload.experiment;

import gpufaas.engine.model.BadInputException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in presets: experiment JSON resources {@code gpufaas/presets/NAME.json}, listed here
 * explicitly (no classpath scanning). Load one with {@link ExperimentLoader#loadPreset(String)}.
 */
public final class Presets {
    private static final List<String> NAMES = List.of("paper-medium", "teaching-3", "mps-demo", "mig-demo", "multi-gpu",
            "mixed-slo", "overload", "cpu-gpu", "kaas-tenants", "docker-demo");

    private Presets() { }

    /** Preset names in listing order. */
    public static List<String> names() { return NAMES; }

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
            throw new BadInputException("--preset", 0, null, "unknown preset '" + name + "'; known: " + String.join(", ", NAMES));
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
