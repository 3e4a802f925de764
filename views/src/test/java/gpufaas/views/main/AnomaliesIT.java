package gpufaas.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.decisions.DecisionExplainer;
import gpufaas.views.decisions.DecisionTableView;
import gpufaas.views.live.TimelineMarker;
import gpufaas.views.run.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A loaded run's anomalies: listed in Decisions (with an "anomalies only" filter), explained, and marked on the timeline. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AnomaliesIT {
    private MainWindow w;

    @Start
    void start(Stage stage) {
        w = WindowTests.open(stage, MainWindowIT.services(), 1400, 900, "paper-medium");
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(w::close);
    }

    private static void waitUntil(Callable<Boolean> c) throws Exception {
        WindowTests.waitUntil(60, c);
    }

    @Test
    void paperMedium_underMqfqSticky_flagsStarvation_listsMarksAndExplainsIt(FxRobot robot) throws Exception {
        waitUntil(() -> w.transport().status.get() == RunStatus.READY);
        robot.interact(() -> {
            w.transport().maxSpeed.set(true);
            w.live().setWindowS(1800); // the timeline keeps the whole 10-minute run
        });
        robot.clickOn("#play");
        waitUntil(() -> w.transport().status.get() == RunStatus.FINISHED);
        robot.clickOn("#tab-decisions");
        Label summary = robot.lookup("#anomaly-summary").queryAs(Label.class);
        waitUntil(() -> summary.getText().contains("starved"));
        robot.clickOn("#anomalies-only");
        DecisionTableView t = robot.lookup("#decision-table").queryAs(DecisionTableView.class);
        waitUntil(() -> !t.items().isEmpty() && t.drawnTexts().stream().anyMatch(s -> s.startsWith("⚠ ")));
        assertThat(t.items()).allMatch(r -> !w.decisions().anomaliesOf(r).isEmpty());
        robot.interact(() -> t.select(0));
        assertThat(w.decisions().explanation.get())
                .contains("Anomaly: starvation.")
                .containsAnyOf("within the algorithm's bound", "beyond the algorithm's bound");
        // every flagged decision is marked on the timeline at its device and time
        List<Long> marks = new ArrayList<>();
        for (TimelineMarker m : w.live().timeline().allMarkers())
            if (m.kind() == TimelineMarker.Kind.ANOMALY) marks.add(m.atUs());
        assertThat(marks).isNotEmpty();
        assertThat(marks).contains(t.items().get(t.items().size() - 1).timeUs());
        // a higher floor flags fewer; the marks follow
        int before = t.items().size();
        robot.interact(() -> w.setAnomalyThresholds(20, 60));
        waitUntil(() -> t.items().size() < before);
        long after = 0;
        for (TimelineMarker m : w.live().timeline().allMarkers()) if (m.kind() == TimelineMarker.Kind.ANOMALY) after++;
        assertThat(after).isLessThan(marks.size());
    }

    @Test
    void whatIf_forTheSelectedDecision_runsInTheBackground_andSaysWhatItWouldHaveChanged(FxRobot robot)
            throws Exception {
        waitUntil(() -> w.transport().status.get() == RunStatus.READY);
        robot.interact(() -> w.transport().maxSpeed.set(true));
        robot.interact(() -> w.teaching().atSeconds.set("120"));
        robot.clickOn("#play");
        waitUntil(() -> w.transport().status.get() == RunStatus.PAUSED);
        robot.clickOn("#tab-decisions");
        DecisionTableView t = robot.lookup("#decision-table").queryAs(DecisionTableView.class);
        waitUntil(() -> !t.items().isEmpty());
        int pick = WaitForAsyncUtils.waitForAsyncFx(5000, () -> {
            for (int i = t.items().size() - 1; i >= 0; i--)
                if (!t.items().get(i).backlogged().isEmpty()) return i;
            return -1;
        });
        assertThat(pick).isNotNegative();
        robot.interact(() -> t.select(pick));
        var chosen = t.items().get(pick);
        assertThat(w.decisions().whatIfChoices).isNotEmpty();
        assertThat(w.decisions().whatIfChoice.get().flow()).isTrue();
        robot.clickOn("#whatif-run");
        Label result = robot.lookup("#whatif-result").queryAs(Label.class);
        waitUntil(() -> !w.decisions().whatIfRunning.get() && result.getText().contains("Regret"));
        assertThat(result.getText())
                .startsWith("What if, at " + DecisionExplainer.seconds(chosen.timeUs()))
                .contains("#" + chosen.invocation() + " of " + chosen.function())
                .contains("mean end-to-end");
        assertThat(w.transport().status.get()).as("the live run is untouched").isEqualTo(RunStatus.PAUSED);
    }
}
