package gpufaas.views.main;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the workbench remembers between sessions: window position and size, theme, presenter
 * mode, and the last experiment (written as the command line's JSON next to the settings). Kept
 * in {@code settings.properties} in a folder the application chooses; without a folder nothing is
 * remembered (tests, screenshots). Plain Java.
 */
public final class WorkbenchSettings {
    private static final String FILE = "settings.properties";
    private static final String EXPERIMENT = "last-experiment.json";

    private final Path dir;
    private final Properties p = new Properties();

    private WorkbenchSettings(Path dir) {
        this.dir = dir;
    }

    /** Settings kept in {@code dir} (created when saving); a missing or unreadable file gives the defaults. */
    public static WorkbenchSettings in(Path dir) {
        WorkbenchSettings s = new WorkbenchSettings(dir);
        Path f = dir.resolve(FILE);
        if (Files.isRegularFile(f)) {
            try (InputStream in = Files.newInputStream(f)) {
                s.p.load(in);
            } catch (IOException | IllegalArgumentException e) {
                s.p.clear();
            }
        }
        return s;
    }

    /** Settings that are not remembered. */
    public static WorkbenchSettings none() {
        return new WorkbenchSettings(null);
    }

    public double number(String key, double dflt) {
        try {
            double v = Double.parseDouble(p.getProperty(key, ""));
            return Double.isFinite(v) ? v : dflt;
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    public boolean flag(String key) {
        return Boolean.parseBoolean(p.getProperty(key, "false"));
    }

    public void set(String key, Object value) {
        p.setProperty(key, String.valueOf(value));
    }

    public boolean dark() {
        return flag("theme.dark");
    }

    public boolean presenter() {
        return flag("presenter");
    }

    /** The file the last experiment is kept in, or null when nothing is remembered. */
    public Path lastExperiment() {
        return dir == null ? null : dir.resolve(EXPERIMENT);
    }

    public boolean remembers() {
        return dir != null;
    }

    /** Writes the settings; a failure is ignored (the next start simply has the defaults). */
    public void save() {
        if (dir == null) return;
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(dir.resolve(FILE))) {
                p.store(out, "GPU FaaS workbench");
            }
        } catch (IOException e) {
            // not fatal: settings are a convenience
        }
    }
}
