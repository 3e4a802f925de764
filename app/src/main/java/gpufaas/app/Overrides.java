package gpufaas.app;

import gpufaas.engine.model.BadInputException;
import gpufaas.workload.device.DeviceProfiles;
import gpufaas.workload.experiment.DevicesSpec;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.json.FieldProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values given on the command line, each null when not given; {@link #apply} puts them over an
 * experiment. {@code params} holds the {@code --param} pairs (and {@code --interval}) in order.
 */
record Overrides(
        String policy,
        String admission,
        String placement,
        Map<String, String> params,
        String gpu,
        Integer gpuCount,
        String mig,
        Boolean mps,
        Integer cpuCores,
        Long seed,
        Double durationS,
        String backend) {
    private static final Pattern COUNT = Pattern.compile("^(.+?)x(\\d{1,4})$", Pattern.CASE_INSENSITIVE);

    static final Overrides NONE =
            new Overrides(null, null, null, Map.of(), null, null, null, null, null, null, null, null);

    Overrides {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** {@code --param KEY=VALUE} pairs as a map, in order (a later key wins). */
    static Map<String, String> parseParams(Iterable<String> pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        if (pairs == null) return m;
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new BadInputException("--param", 0, null, "expected KEY=VALUE, got '" + p + "'");
            String k = p.substring(0, eq).trim();
            m.remove(k);
            m.put(k, p.substring(eq + 1).trim());
        }
        return m;
    }

    /**
     * Splits {@code --gpu PROFILE[xN]}: a built-in name or a profile file, optionally followed by
     * {@code x} and a count ({@code a30x2}, {@code my-card.jsonx4}). Returns {profile, count or null}.
     */
    static String[] parseGpu(String raw) {
        String t = raw.trim();
        if (isProfile(t)) return new String[] {t, null};
        Matcher m = COUNT.matcher(t);
        if (m.matches() && isProfile(m.group(1))) return new String[] {m.group(1), m.group(2)};
        throw new BadInputException(
                "--gpu",
                0,
                null,
                "unknown device profile '" + raw + "'; built-in: " + String.join(", ", DeviceProfiles.builtIn())
                        + " (or the path of a profile JSON), optionally followed by xN");
    }

    private static boolean isProfile(String s) {
        return DeviceProfiles.builtIn().contains(s.toLowerCase(Locale.ROOT)) || Files.isRegularFile(Path.of(s));
    }

    /** The experiment with these values put over it; a command-line path is made absolute. */
    ExperimentSpec apply(ExperimentSpec s) {
        DevicesSpec d = s.devices();
        String g = d.gpu();
        String profileFile = d.profileFile();
        if (gpu != null) {
            boolean builtIn = DeviceProfiles.builtIn().contains(gpu.toLowerCase(Locale.ROOT));
            g = builtIn
                    ? gpu.toLowerCase(Locale.ROOT)
                    : Path.of(gpu).toAbsolutePath().normalize().toString();
            profileFile = null;
        }
        int count = gpuCount != null ? gpuCount : d.count();
        String m = d.mig();
        if (mig != null) m = mig.isBlank() || mig.equalsIgnoreCase("none") || mig.equalsIgnoreCase("off") ? null : mig;
        boolean useMps = mps != null ? mps : d.mps();
        Integer pct = useMps ? d.mpsPct() : null;
        int cores = cpuCores != null ? cpuCores : d.cpuCores();
        DevicesSpec devices;
        try {
            devices = new DevicesSpec(g, count, m, useMps, pct, cores, profileFile);
        } catch (FieldProblem e) {
            throw new BadInputException(option(e.field()), 0, null, e.getMessage());
        }
        try {
            return new ExperimentSpec(
                    s.name(),
                    s.description(),
                    seed != null ? seed : s.seed(),
                    durationS != null ? durationS : s.durationS(),
                    s.workload(),
                    devices,
                    policy != null ? policy : s.policy(),
                    admission != null ? admission : s.admission(),
                    placement != null ? placement : s.placement(),
                    s.params(),
                    backend != null ? backend : s.backend(),
                    s.docker());
        } catch (FieldProblem e) {
            throw new BadInputException(option(e.field()), 0, null, e.getMessage());
        }
    }

    private static String option(String field) {
        return switch (field) {
            case "count" -> "--gpu";
            case "cpu_cores" -> "--cpu-cores";
            case "mps_pct" -> "--mps";
            case "duration_s" -> "--duration";
            default -> "--" + field.replace('_', '-');
        };
    }
}
