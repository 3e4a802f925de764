package gpufaas.app;

import gpufaas.views.main.MainWindow;
import gpufaas.views.main.WorkbenchSettings;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;

/** The JavaFX application: the main window on the services of the command line, remembering its settings. */
public final class WorkbenchApplication extends Application {
    @Override
    public void start(Stage stage) {
        MainWindow w = new MainWindow(stage, GuiServices.create(), WorkbenchSettings.in(configDir()));
        stage.show();
        w.openInitialExperiment();
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
