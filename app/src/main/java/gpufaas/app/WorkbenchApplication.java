package gpufaas.app;

import gpufaas.views.main.MainWindow;
import gpufaas.views.main.WorkbenchSettings;
import gpufaas.views.run.RunStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: the main window on the services of the command line, remembering its settings. */
public final class WorkbenchApplication extends Application {
    @Override
    public void start(Stage stage) {
        MainWindow w = new MainWindow(stage, GuiServices.create(), WorkbenchSettings.in(configDir()));
        String trace = System.getenv("WORKBENCH_STARTUP_TRACE");
        if (trace != null && !trace.isBlank()) traceStartup(w, "exit".equals(trace.trim()));
        stage.show();
        w.openInitialExperiment();
    }

    /**
     * WORKBENCH_STARTUP_TRACE=1 prints how long after the process started the window showed the
     * loaded experiment; =exit also closes the window then (measuring start-up).
     */
    private static void traceStartup(MainWindow w, boolean exit) {
        w.transport().status.addListener((o, a, b) -> {
            if (b != RunStatus.READY || a == b) return;
            long ms = ProcessHandle.current()
                    .info()
                    .startInstant()
                    .map(t -> Duration.between(t, Instant.now()).toMillis())
                    .orElse(-1L);
            System.err.println("startup: window showing " + w.experiment().name.get() + ", ready to run, " + ms
                    + " ms after the process started");
            if (exit) {
                w.close();
                Platform.exit();
            }
        });
    }

    /** $WORKBENCH_CONFIG_DIR, else $XDG_CONFIG_HOME/gpufaas-workbench, else ~/.config/gpufaas-workbench. */
    static Path configDir() {
        String own = System.getenv("WORKBENCH_CONFIG_DIR");
        if (own != null && !own.isBlank()) return Path.of(own);
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("gpufaas-workbench");
    }
}
