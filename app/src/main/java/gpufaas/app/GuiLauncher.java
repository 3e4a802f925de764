package gpufaas.app;

import java.io.PrintWriter;
import java.util.Locale;
import javafx.application.Application;

/**
 * Opens the GUI from the command line's main class, which does not extend Application: JavaFX
 * then runs from the class path. Without a display it says so instead of failing inside JavaFX.
 */
final class GuiLauncher {
    /** Set to "none" to behave as if there were no display (tests). */
    static final String DISPLAY_PROPERTY = "workbench.display";

    private GuiLauncher() {}

    /** Why the GUI cannot open here, or null when it can. */
    static String displayProblem() {
        String forced = System.getProperty(DISPLAY_PROPERTY);
        if ("none".equals(forced)) return noDisplay();
        if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform", ""))) return null; // headless on purpose
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux")) return null;
        String x = System.getenv("DISPLAY");
        String wl = System.getenv("WAYLAND_DISPLAY");
        if ((x == null || x.isBlank()) && (wl == null || wl.isBlank())) return noDisplay();
        return null;
    }

    private static String noDisplay() {
        return "no display: the GUI needs a desktop session (DISPLAY or WAYLAND_DISPLAY is not set). "
                + LauncherName.command() + " screenshot renders the window headless; "
                + LauncherName.command() + " --help lists the command line.";
    }

    static int open(PrintWriter err) {
        String problem = displayProblem();
        if (problem != null) {
            err.println("error: " + problem);
            return 2;
        }
        try {
            JavaFxClassPathNotice.silence();
            Application.launch(WorkbenchApplication.class);
            return 0;
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            err.println("error: the GUI could not start: " + e.getMessage()
                    + " (JavaFX needs GTK 3, e.g. apt-get install libgtk-3-0, and a font such as fonts-dejavu-core)");
            return 1;
        }
    }
}
