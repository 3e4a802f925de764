package gpufaas.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The build's version and the commit it was built from. Both come from the Maven-filtered
 * {@code version.properties}; the commit is filled in by the build where it runs in a git checkout
 * (a build from a source tarball leaves it out, and {@link #commit()} says so).
 */
final class Version {
    private static final Properties BUILD = read();
    private static final String VALUE = version();

    private Version() {}

    /** The version: from the build, else the jar's Implementation-Version, else "dev". */
    static String get() {
        return VALUE;
    }

    /**
     * The commit, one line: {@code commit <40 hex digits>}, with {@code (with uncommitted changes)}
     * when the build's working tree differed from it, or {@code commit unknown (...)} when the build
     * did not record one.
     */
    static String commit() {
        return commitLine(filled("commit"), filled("dirty"));
    }

    /** The commit line for a recorded commit and dirty flag (null: not recorded). */
    static String commitLine(String commit, String dirty) {
        if (commit == null || !commit.matches("[0-9a-f]{7,64}")) {
            return "commit unknown (not recorded: built outside a git checkout, or without git)";
        }
        return "commit " + commit + ("true".equals(dirty) ? " (with uncommitted changes)" : "");
    }

    private static String version() {
        String v = filled("version");
        if (v != null) return v;
        v = Version.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    /** A property the build filled in, or null (absent, or still a ${...} placeholder). */
    private static String filled(String key) {
        String v = BUILD.getProperty(key, "").strip();
        return v.isEmpty() || v.startsWith("${") ? null : v;
    }

    private static Properties read() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/gpufaas/app/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // no build properties: the fallbacks above apply
        }
        return p;
    }
}
