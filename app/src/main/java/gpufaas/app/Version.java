package gpufaas.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version: from the Maven-filtered resource, else the jar's Implementation-Version, else "dev". */
final class Version {
    private static final String VALUE = read();

    private Version() { }

    static String get() { return VALUE; }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/gpufaas/app/version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                if (!v.isEmpty() && !v.startsWith("$")) return v;
            }
        } catch (IOException ignored) {
            // fall through to the jar manifest
        }
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }
}
