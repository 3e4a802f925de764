package gpufaas.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.live.DeviceTimelineView;
import gpufaas.views.run.RunStatus;
import java.util.concurrent.Callable;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Two GPUs split into four MIG instances each: every lane of the timeline stays readable, and the bands scroll. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MigTimelineIT {
    private MainWindow w;

    @Start
    void start(Stage stage) {
        w = new MainWindow(stage, MainWindowIT.services(), WorkbenchSettings.none());
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
        w.experiment().loadPreset("mig-demo");
        w.experiment().gpuCount.set("2");
        w.loadExperiment();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(w::close);
    }

    private static void waitUntil(Callable<Boolean> c) throws Exception {
        WindowTests.waitUntil(20, c);
    }

    @Test
    void eightMigInstances_lanesKeepTheirLeastHeight_andTheBandsScroll(FxRobot robot) throws Exception {
        waitUntil(() -> w.transport().status.get() == RunStatus.READY
                && w.live().devices().size() == 8);
        robot.interact(() -> w.transport().maxSpeed.set(true));
        for (int i = 0; i < 20; i++) robot.interact(() -> w.transport().stepDecision());
        waitUntil(() -> w.decisions().size() >= 20);
        DeviceTimelineView t = w.liveView().timeline();
        robot.interact(t::draw);
        assertThat(t.laneHeight()).isGreaterThanOrEqualTo(12);
        assertThat(t.scrolls())
                .as("16 lanes of 12 px do not fit a 1024×700 window's timeline")
                .isTrue();
        assertThat(t.drawnLabels()).contains(w.live().devices().get(0).name());
        String last = w.live().devices().get(7).name();
        assertThat(t.drawnLabels()).doesNotContain(last);
        robot.interact(() -> t.scrollToEnd());
        waitUntil(() -> t.drawnLabels().contains(last));
        // presenter mode: lanes grow with the font
        robot.interact(() -> w.teaching().presenter.set(true));
        robot.interact(t::draw);
        assertThat(t.laneHeight()).isGreaterThanOrEqualTo(18);
    }
}
