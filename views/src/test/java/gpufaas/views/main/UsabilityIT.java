package gpufaas.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.decisions.DecisionTableView;
import gpufaas.views.run.RunStatus;
import gpufaas.views.transport.SpeedScale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What a new user meets: edits not yet in the run are shown and applied, breakpoints are shown,
 * cleared and kept to their lesson, and every action says what it did.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class UsabilityIT {
    private MainWindow w;
    private final List<String> asked = new ArrayList<>();

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        w = new MainWindow(stage, MainWindowIT.services(), WorkbenchSettings.none());
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
        w.setConfirm(what -> {
            asked.add(what);
            return false;
        });
        w.experiment().loadPreset("teaching-3");
        w.loadExperiment();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(w::close);
    }

    private static void waitUntil(Callable<Boolean> c) throws Exception {
        WindowTests.waitUntil(15, c);
    }

    static boolean shown(Node n) {
        return WindowTests.shown(n);
    }

    @Test
    void aPolicyChangedInThePanel_isShownAsPending_andResetRunsIt(FxRobot robot) throws Exception {
        waitUntil(() -> w.transport().status.get() == RunStatus.READY);
        Label edits = robot.lookup("#pending-edits").queryAs(Label.class);
        assertThat(shown(edits)).isFalse();
        robot.interact(() -> w.experiment().policy.set("fcfs"));
        waitUntil(() -> shown(edits));
        assertThat(edits.getText())
                .contains("policy fcfs (the run: mqfq-sticky)")
                .contains("Reset applies them");
        robot.interact(() -> w.transport().maxSpeed.set(true));
        for (int i = 0; i < 3; i++) robot.clickOn("#step-decision");
        waitUntil(() -> w.decisions().size() == 3);
        robot.clickOn("#reset");
        waitUntil(() -> w.loaded().config().policy().name().equals("fcfs")
                && w.transport().status.get() == RunStatus.READY);
        waitUntil(() -> !shown(edits));
        robot.clickOn("#step-decision");
        waitUntil(() -> w.decisions().size() == 1);
        assertThat(w.session().mailbox().latest().policy()).isEqualTo("fcfs");
        assertThat(w.transport().message.get()).startsWith("Stepped to decision #1 at ");
    }

    @Test
    void play_fromTimeZero_playsThePanelsPolicy(FxRobot robot) throws Exception {
        waitUntil(() -> w.transport().status.get() == RunStatus.READY);
        robot.interact(() -> w.experiment().policy.set("fcfs"));
        robot.interact(() -> w.transport().maxSpeed.set(true));
        robot.clickOn("#play");
        waitUntil(() -> w.transport().status.get() == RunStatus.FINISHED);
        assertThat(w.session().mailbox().latest().policy()).isEqualTo("fcfs");
        assertThat(robot.lookup("#play").queryButton().isDisabled()).isTrue();
    }

    @Test
    void lessonBreakpoints_areShownWithAClearButton_andEndWithTheLesson(FxRobot robot) throws Exception {
        robot.clickOn("#side-teaching");
        robot.clickOn("3. Cold starts and the warm pool");
        robot.clickOn("#load-lesson");
        Label armed = robot.lookup("#armed-breakpoints").queryAs(Label.class);
        waitUntil(() -> shown(armed));
        assertThat(armed.getText()).isEqualTo("Breakpoints armed by lesson 3: the run pauses on a cold start.");
        // leaving the lesson for another preset disarms what the lesson armed
        robot.interact(() -> {
            w.experiment().loadPreset("paper-medium");
            w.loadExperiment();
        });
        waitUntil(() -> !shown(armed));
        assertThat(w.teaching().onColdStart.get()).isFalse();
        assertThat(w.teaching().lesson.get()).isNull();
        // breakpoints set by hand stay, and one click clears them
        robot.clickOn("#bp-evict");
        waitUntil(() -> shown(armed));
        assertThat(armed.getText()).isEqualTo("Breakpoints armed: the run pauses on an eviction.");
        robot.clickOn("#clear-breakpoints");
        waitUntil(() -> !shown(armed));
        assertThat(w.teaching().breakpoints().any()).isFalse();
    }

    @Test
    void loadAndStep_sayWhatTheyDid(FxRobot robot) throws Exception {
        robot.clickOn("#load-experiment");
        waitUntil(() -> w.transport().message.get().startsWith("Loaded teaching-3 under mqfq-sticky"));
        assertThat(w.transport().message.get()).contains("3 functions on a30-0").contains("Press Play");
        robot.clickOn("#step-event");
        waitUntil(() -> w.transport().message.get().startsWith("Stepped one event: 1 so far"));
    }

    @Test
    void helpMenu_hasAQuickStartAndEveryShortcut(FxRobot robot) throws Exception {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        Menu help = bar.getMenus().stream()
                .filter(m -> m.getText().equals("_Help"))
                .findFirst()
                .orElseThrow();
        assertThat(help.getItems()).extracting(MenuItem::getId).contains("help-quick-start", "help-shortcuts");
        String shortcuts = WaitForAsyncUtils.waitForAsyncFx(5000, () -> new WorkbenchMenus(w).shortcutsOf(bar));
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i.getAccelerator() != null) {
                    assertThat(shortcuts)
                            .contains(i.getAccelerator().getDisplayText() + " ")
                            .contains(i.getText().replace("_", ""));
                }
            }
        }
        assertThat(shortcuts).contains("F5").contains("F12").contains("Escape");
        assertThat(WorkbenchMenus.QUICK_START)
                .contains("Load experiment")
                .contains("Step decision")
                .contains("presenter mode");
        robot.interact(() -> help.getItems().stream()
                .filter(i -> "help-quick-start".equals(i.getId()))
                .findFirst()
                .orElseThrow()
                .fire());
        waitUntil(() -> robot.lookup("#help-text").tryQuery().isPresent());
        assertThat(robot.lookup("#help-text").queryAs(TextArea.class).getText()).isEqualTo(WorkbenchMenus.QUICK_START);
        robot.type(KeyCode.ENTER);
    }

    @Test
    void oneArrowKey_movesTheSpeedAThirdOfADecade(FxRobot robot) throws Exception {
        Slider speed = robot.lookup("#speed").queryAs(Slider.class);
        assertThat(w.transport().speed().factor()).isEqualTo(10);
        robot.clickOn("#clock");
        robot.interact(speed::requestFocus);
        waitUntil(speed::isFocused);
        robot.type(KeyCode.RIGHT);
        waitUntil(() -> w.transport().speed().factor() != 10);
        assertThat(w.transport().speed().factor()).isEqualTo(22);
        assertThat(speed.getValue())
                .isCloseTo(SpeedScale.positionOf(10) + SpeedScale.KEY_STEP, Assertions.within(1e-9));
    }

    @Test
    void badGpuCount_isMarkedInline_andLoadNamesTheLabel(FxRobot robot) throws Exception {
        TextField count = robot.lookup("#gpu-count").queryAs(TextField.class);
        robot.interact(() -> count.setText("abc"));
        Label problem = robot.lookup("#gpu-count-problem").queryAs(Label.class);
        waitUntil(() -> problem.isVisible());
        assertThat(problem.getText()).isEqualTo("GPUs: 'abc' is not a whole number");
        assertThat(count.getStyleClass()).contains("invalid");
        robot.interact(w::loadExperiment);
        assertThat(robot.lookup("#experiment-problem").queryAs(Label.class).getText())
                .contains("'GPUs'")
                .doesNotContain("devices.count");
        robot.interact(() -> count.setText("1"));
        waitUntil(() -> !problem.isVisible());
        assertThat(count.getStyleClass()).doesNotContain("invalid");
    }

    @Test
    void saveAndExport_confirm_andUnsavedEditsAreNotDroppedSilently(FxRobot robot) throws Exception {
        robot.interact(() -> w.experiment().gpu.set("v100"));
        // the preset picker asks before it replaces the edits (the answer here: no)
        robot.interact(() ->
                assertThat(w.confirmDiscard("Choosing preset paper-medium")).isFalse());
        assertThat(asked).containsExactly("Choosing preset paper-medium");
        Path saved = tmp.resolve("mine.json");
        robot.interact(() -> assertThat(WorkbenchMenus.save(w, saved)).isTrue());
        assertThat(w.transport().notice.get()).isEqualTo("Saved the experiment to " + saved.toAbsolutePath() + ".");
        assertThat(Files.readString(saved)).contains("Edited from preset teaching-3: devices 1 × v100 (was 1 × a30).");
        assertThat(WorkbenchMenus.initialFolder()).isEqualTo(tmp.toFile());
        robot.interact(
                () -> assertThat(w.confirmDiscard("Opening another experiment")).isTrue()); // saved: nothing to lose
        assertThat(asked).hasSize(1);
        Path png = tmp.resolve("live.png");
        robot.interact(() -> assertThat(WorkbenchMenus.exportPng(w, png)).isTrue());
        assertThat(png).exists();
        assertThat(w.transport().notice.get()).isEqualTo("Wrote the Live tab as " + png.toAbsolutePath() + ".");
        Label notice = robot.lookup("#notice").queryAs(Label.class);
        assertThat(shown(notice)).isTrue();
    }

    @Test
    void aSearchWithoutMatches_saysSo(FxRobot robot) throws Exception {
        robot.interact(() -> w.transport().maxSpeed.set(true));
        for (int i = 0; i < 3; i++) robot.clickOn("#step-decision");
        waitUntil(() -> w.decisions().size() == 3);
        robot.clickOn("#tab-decisions");
        robot.interact(() -> w.decisions().query.set("nosuchfunction"));
        var table = robot.lookup("#decision-table").queryAs(DecisionTableView.class);
        waitUntil(() -> table.drawnTexts().stream().anyMatch(t -> t.startsWith("No decision matches")));
        assertThat(table.drawnTexts())
                .contains("No decision matches \u201cnosuchfunction\u201d (of 3). Clear the search to see them all.");
    }

    @Test
    void edfWithoutSlos_saysItIsFcfs_besideThePolicy(FxRobot robot) throws Exception {
        robot.interact(() -> w.experiment().policy.set("edf"));
        Label note = robot.lookup("#policy-note").queryAs(Label.class);
        waitUntil(note::isVisible);
        assertThat(note.getText()).contains("as fcfs does");
    }
}
