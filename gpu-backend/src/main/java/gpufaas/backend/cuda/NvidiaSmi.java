package gpufaas.backend.cuda;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads MIG instances from {@code nvidia-smi -L} (a listing: it changes nothing on the card).
 * Lines look like {@code GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-5d5b...)} followed by
 * {@code   MIG 1g.5gb     Device  0: (UUID: MIG-...)} for each instance.
 */
final class NvidiaSmi {
    private static final Pattern GPU =
            Pattern.compile("^GPU\\s+(\\d+):\\s*(.*?)\\s*\\(UUID:\\s*(GPU-[0-9a-fA-F-]+)\\)\\s*$");
    private static final Pattern MIG = Pattern.compile("^\\s+MIG\\s+(\\S+)\\s+Device\\s+(\\d+):.*$");

    private NvidiaSmi() {}

    /** One GPU of the listing: its UUID and its MIG instances. */
    record Gpu(int index, String name, String uuid, List<String> migInstances) {}

    /** Parses the listing; unknown lines are ignored. */
    static List<Gpu> parse(String listing) {
        Map<String, Gpu> gpus = new LinkedHashMap<>();
        Gpu current = null;
        for (String line : listing.split("\\R")) {
            Matcher g = GPU.matcher(line);
            if (g.matches()) {
                current = new Gpu(
                        Integer.parseInt(g.group(1)),
                        g.group(2),
                        g.group(3).toLowerCase(Locale.ROOT),
                        new ArrayList<>());
                gpus.put(current.uuid(), current);
                continue;
            }
            Matcher m = MIG.matcher(line);
            if (m.matches() && current != null) current.migInstances().add(m.group(1) + " (device " + m.group(2) + ")");
        }
        List<Gpu> out = new ArrayList<>();
        for (Gpu g : gpus.values()) out.add(new Gpu(g.index(), g.name(), g.uuid(), List.copyOf(g.migInstances())));
        return out;
    }

    /** The MIG state of the CUDA device named {@code name} with {@code uuid}, from an optional listing. */
    static MigInfo migInfo(String name, String uuid, Optional<String> listing) {
        Matcher own = Pattern.compile("\\bMIG\\s+(\\d+g\\.\\d+gb)\\b").matcher(name);
        if (own.find()) {
            return new MigInfo(
                    MigInfo.State.ENABLED, List.of(own.group(1) + " (this CUDA device)"), "from the CUDA device name");
        }
        if (listing.isEmpty()) {
            return MigInfo.notExposed("JCuda has no NVML binding and nvidia-smi is not available to list instances");
        }
        for (Gpu g : parse(listing.get())) {
            if (!uuid.isEmpty() && g.uuid().equalsIgnoreCase(uuid)) {
                return g.migInstances().isEmpty()
                        ? new MigInfo(
                                MigInfo.State.NONE_LISTED,
                                List.of(),
                                "nvidia-smi -L lists none: MIG disabled or unsupported")
                        : new MigInfo(MigInfo.State.ENABLED, g.migInstances(), "nvidia-smi -L");
            }
        }
        return MigInfo.notExposed("nvidia-smi -L does not list this device's UUID");
    }

    /** Runs {@code nvidia-smi -L} if it is on the PATH (3 s at most). */
    static Optional<String> list() {
        Path exe = null;
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) continue;
                Path p = Path.of(dir, "nvidia-smi");
                if (Files.isExecutable(p)) {
                    exe = p;
                    break;
                }
            }
        }
        if (exe == null) return Optional.empty();
        Path tmp = null;
        try {
            tmp = Files.createTempFile("gpufaas-nvidia-smi", ".txt");
            Process proc = new ProcessBuilder(exe.toString(), "-L")
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.toFile())
                    .start();
            proc.getOutputStream().close();
            if (!proc.waitFor(3, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                return Optional.empty();
            }
            return proc.exitValue() == 0
                    ? Optional.of(Files.readString(tmp, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind
                }
            }
        }
    }
}
