package gpufaas.workload.device;

import com.fasterxml.jackson.core.JsonProcessingException;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.model.BadInputException;
import gpufaas.workload.json.JacksonErrors;
import gpufaas.workload.json.JsonMappers;
import gpufaas.workload.json.KnownKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Device profiles as JSON: the built-in ones (resources {@code gpufaas/profiles/NAME.json}) and
 * user files in the same format, read into engine {@link DeviceProfile}s and written back (the
 * calibrate command writes what it measured). Bad files give one {@link BadInputException} with
 * the line and field.
 */
public final class DeviceProfiles {
    private static final List<String> BUILT_IN = List.of("v100", "a30", "a100-40gb", "a100-80gb", "h100");

    private DeviceProfiles() {}

    /** Names of the built-in profiles. */
    public static List<String> builtIn() {
        return BUILT_IN;
    }

    /** A built-in profile by name, or a profile file by path. */
    public static DeviceProfile load(String nameOrPath) {
        return document(nameOrPath, null).profile();
    }

    /** As {@link #load(String)}, resolving a relative path against {@code baseDir} (may be null). */
    public static DeviceProfile load(String nameOrPath, Path baseDir) {
        return document(nameOrPath, baseDir).profile();
    }

    /** The profile with its {@code sources} text. */
    public static ProfileDocument document(String nameOrPath, Path baseDir) {
        String key = nameOrPath == null ? "" : nameOrPath.trim();
        String lower = key.toLowerCase(Locale.ROOT);
        if (BUILT_IN.contains(lower)) {
            String res = "/gpufaas/profiles/" + lower + ".json";
            try (InputStream in = DeviceProfiles.class.getResourceAsStream(res)) {
                if (in == null) throw new IllegalStateException("missing resource " + res);
                return read(in, "profile " + lower);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path file = baseDir == null ? Path.of(key) : baseDir.resolve(key);
        if (key.isEmpty() || !Files.isRegularFile(file)) {
            throw new BadInputException(
                    "device profile",
                    0,
                    "gpu",
                    "unknown device profile '" + key + "': not a built-in (" + String.join(", ", BUILT_IN)
                            + ") and no such file " + file);
        }
        return read(file);
    }

    /** Reads a profile file. */
    public static ProfileDocument read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw BadInputException.of(file.toString(), "cannot read device profile: " + e.getMessage());
        }
    }

    /** Reads profile JSON from {@code in}, naming it {@code source} in errors. */
    public static ProfileDocument read(InputStream in, String source) {
        try {
            byte[] bytes = in.readAllBytes();
            KnownKeys.check(bytes, DeviceProfile.class, source, Set.of(DeviceProfileJson.SOURCES));
            DeviceProfile profile = DeviceProfileJson.read(bytes);
            if (profile == null) throw BadInputException.of(source, "empty device profile");
            return new ProfileDocument(profile, DeviceProfileJson.sources(bytes, source));
        } catch (JsonProcessingException e) {
            throw JacksonErrors.toBadInput(e, source);
        } catch (IOException e) {
            throw BadInputException.of(source, "cannot read device profile: " + e.getMessage());
        }
    }

    /** The JSON text of {@code profile}, with {@code sources} (may be null). */
    public static String toJson(DeviceProfile profile, String sources) {
        try {
            return JsonMappers.strict().writeValueAsString(DeviceProfileJson.tree(profile, sources)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code profile} to {@code file} in the format {@link #read(Path)} reads. */
    public static void write(DeviceProfile profile, String sources, Path file) {
        try {
            Files.writeString(file, toJson(profile, sources), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw BadInputException.of(file.toString(), "cannot write device profile: " + e.getMessage());
        }
    }
}
