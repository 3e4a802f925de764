package gpufaas.app;

/**
 * The name the user starts the program by, for usage lines and hints: an installed launcher's own
 * ({@code gpufaas-workbench} or {@code gpufaas-workbench-cli}; jpackage's launchers pass their path
 * in the system property {@value #APP_PATH_PROPERTY}), else {@code ./workbench}, the launcher script
 * at the root of a checkout.
 */
final class LauncherName {
    /** Set by jpackage's native launchers to the launcher's own path. */
    static final String APP_PATH_PROPERTY = "jpackage.app-path";

    private LauncherName() {}

    /** The installed launcher's file name, or null when the program was not started by one. */
    static String installed() {
        String path = System.getProperty(APP_PATH_PROPERTY, "").strip();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isEmpty() ? null : name;
    }

    /** What to type to run the program again: the installed launcher, else {@code ./workbench}. */
    static String command() {
        String name = installed();
        return name == null ? "./workbench" : name;
    }
}
