package gpufaas.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window opened at 1024×700 in presenter mode (as a projector shows it from the start): the
 * Live tab's first layout gives every part its least height, no word cut (see {@link LegibilityIT}).
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LegibilityAtStartIT {
    private MainWindow w;

    @Start
    void start(Stage stage) {
        w = new MainWindow(stage, MainWindowIT.services(), WorkbenchSettings.none());
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
        w.experiment().loadPreset("teaching-3");
        w.teaching().presenter.set(true);
        w.loadExperiment();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(w::close);
    }

    @Test
    void openedSmallInPresenterMode_theLiveTabCutsNoWord(FxRobot robot) throws Exception {
        long f = WaitForAsyncUtils.waitForAsyncFx(5000, w::frames);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> w.frames() > f + 30);
        // the layout settles within a few frames (a part's least height depends on its width, known after a layout)
        List<String> problems = List.of("not checked");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!problems.isEmpty() && System.nanoTime() < deadline) {
            problems = WaitForAsyncUtils.waitForAsyncFx(
                    10_000, () -> LegibilityIT.problems(w, "1024×700 presenter at start"));
            Thread.sleep(100);
        }
        assertThat(problems).isEmpty();
    }
}
