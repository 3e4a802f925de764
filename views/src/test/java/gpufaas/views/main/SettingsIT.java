package gpufaas.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Theme, presenter mode, window size and the last experiment survive closing the window. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SettingsIT {
    @TempDir
    Path tmp;

    @Test
    void closingAndReopening_restoresTheLastExperimentAndTheTheme(FxRobot robot) throws Exception {
        Path dir = tmp.resolve("cfg");
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(new Stage(), MainWindowIT.services(), WorkbenchSettings.in(dir));
            w[0].stage().show();
            w[0].openInitialExperiment();
            assertThat(w[0].experiment().name.get()).isEqualTo(MainWindow.DEFAULT_PRESET);
            w[0].experiment().loadPreset("teaching-3");
            w[0].experiment().policy.set("fcfs");
            w[0].setDark(true);
            w[0].stage().setWidth(1111);
            w[0].close();
            w[0].stage().close();
        });
        assertThat(Files.readString(dir.resolve("last-experiment.json"))).contains("\"policy\" : \"fcfs\"");
        robot.interact(() -> {
            w[0] = new MainWindow(new Stage(), MainWindowIT.services(), WorkbenchSettings.in(dir));
            w[0].stage().show();
            w[0].openInitialExperiment();
        });
        WaitForAsyncUtils.waitFor(
                15, TimeUnit.SECONDS, () -> w[0].transport().status.get() == RunStatus.READY);
        assertThat(w[0].experiment().name.get()).isEqualTo("teaching-3");
        assertThat(w[0].experiment().policy.get()).isEqualTo("fcfs");
        assertThat(w[0].dark()).isTrue();
        assertThat(w[0].stage().getWidth()).isEqualTo(1111.0);
        robot.interact(() -> {
            w[0].close();
            w[0].stage().close();
        });
    }
}
