package gpufaas.app;

import java.util.logging.Logger;

/**
 * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on every
 * start when it runs from the class path, as the workbench does (its launcher, the tests and the
 * installer's image all put JavaFX there, with ControlsFX, JFreeChart's viewer and Monocle beside it).
 * The configuration is the one this project builds, tests and ships, so the line only alarms users;
 * this filter drops that one record and lets every other JavaFX message through.
 */
final class JavaFxClassPathNotice {
    /** held so that the filtered logger is not collected and recreated without its filter */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private JavaFxClassPathNotice() {}

    /** Installs the filter; call before the toolkit starts. */
    static void silence() {
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
    }
}
