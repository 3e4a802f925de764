package gpufaas.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.policy.FlowState;
import gpufaas.views.TestPlanner;
import gpufaas.views.compare.CompareRow;
import gpufaas.views.decisions.DecisionTableView;
import gpufaas.views.live.FlowLine;
import gpufaas.views.live.FlowTableView;
import gpufaas.views.live.FunctionPalette;
import gpufaas.views.live.ResidencyMapView;
import gpufaas.views.run.BackendOption;
import gpufaas.views.run.RunPlan;
import gpufaas.views.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window, driven by a robot, headless (Monocle): the GUI's main paths end to end. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowIT {
    private MainWindow w;

    @TempDir
    Path tmp;

    static WorkbenchServices services() {
        return new WorkbenchServices(
                new TestPlanner(),
                TestPlanner.SIM,
                (plan, dir) -> dir,
                List.of(
                        BackendOption.available("sim", "Simulated"),
                        BackendOption.unavailable("docker", "Docker", "not in this build")),
                "test",
                0);
    }

    @Start
    void start(Stage stage) {
        w = new MainWindow(stage, services(), WorkbenchSettings.none());
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
        w.experiment().loadPreset("teaching-3");
        w.loadExperiment();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(w::close);
    }

    private static void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typeInto(FxRobot robot, String query, String text) throws Exception {
        TextField f = robot.lookup(query).queryAs(TextField.class);
        robot.clickOn("#clock"); // a click gives the window the keyboard (Monocle)
        robot.interact(() -> {
            for (Node n = f; n != null; n = n.getParent()) {
                if (n instanceof TitledPane tp && !tp.isExpanded()) {
                    tp.setAnimated(false);
                    tp.setExpanded(true);
                }
            }
        });
        robot.interact(() -> {
            f.requestFocus();
            f.selectAll();
        });
        waitUntil(f::isFocused);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(f.getText()).as("typed into " + query).isEqualTo(text);
    }

    /** The rows the flow table drew, checked against the view model's rows. */
    private List<FlowLine> flowRows(FxRobot robot) {
        FlowTableView table = robot.lookup("#flow-table").queryAs(FlowTableView.class);
        List<FlowLine> drawn = WaitForAsyncUtils.waitForAsyncFx(5000, () -> List.copyOf(table.drawnRows()));
        assertThat(drawn)
                .isEqualTo(WaitForAsyncUtils.waitForAsyncFx(5000, () -> w.live().shownFlows()));
        return drawn;
    }

    /** The blocks the residency map drew: where each container's memory is, whether it runs, and the block's width. */
    private List<String> residencyBlocks(FxRobot robot) {
        ResidencyMapView map = robot.lookup("#residency-map").queryAs(ResidencyMapView.class);
        List<String> out = new ArrayList<>();
        for (var b : map.drawnBlocks()) {
            out.add(b.block().function() + " " + b.block().location()
                    + (b.block().busy() ? " busy " : " ") + b.w() + (b.host() ? " host" : ""));
        }
        return out;
    }

    @Test
    void loadPreset_changeParameter_runPauseStep_flowsAndResidencyChange(FxRobot robot) throws Exception {
        waitUntil(() -> w.transport().status.get() == RunStatus.READY);
        typeInto(robot, "#param-T", "2");
        robot.clickOn("#load-experiment");
        waitUntil(() -> w.loaded() != null && w.loaded().config().policyParams().getDouble("T") == 2.0);
        waitUntil(() -> w.transport().status.get() == RunStatus.READY);
        assertThat(flowRows(robot)).isEmpty();
        assertThat(residencyBlocks(robot)).isEmpty();

        robot.interact(() -> w.transport().setSpeedFactor(10)); // teaching-3 lasts 120 s: about 12 s of wall time
        robot.clickOn("#play");
        waitUntil(() -> w.transport().status.get() == RunStatus.PLAYING);
        waitUntil(() -> w.session().mailbox().latest().timeUs() > 3_000_000);
        robot.clickOn("#play"); // now labelled Pause
        waitUntil(() -> w.transport().status.get() == RunStatus.PAUSED);
        List<FlowLine> rows = flowRows(robot);
        List<String> blocks = residencyBlocks(robot);
        assertThat(rows).isNotEmpty();
        assertThat(rows).extracting(r -> r.flow().function()).isSubsetOf("isoneural", "fft", "imagenet");
        assertThat(blocks).isNotEmpty();
        assertThat(rows.get(0).overrun()).isEqualTo(2.0);

        long events = w.session().mailbox().latest().events();
        robot.clickOn("#step-event");
        waitUntil(() -> w.session().mailbox().latest().events() == events + 1);
        int decisions = w.decisions().size();
        for (int i = 0; i < 5; i++) robot.clickOn("#step-decision");
        waitUntil(() -> w.decisions().size() == decisions + 5);
        waitUntil(() -> !flowRows(robot).equals(rows) || !residencyBlocks(robot).equals(blocks));
        assertThat(w.transport().status.get()).isEqualTo(RunStatus.PAUSED);
        assertThat(robot.lookup("#clock").queryAs(Label.class).getText()).startsWith("t = ");
    }

    @Test
    void outOfRangeParameter_isShownInline_andTheLoadedRunStaysUsable(FxRobot robot) throws Exception {
        waitUntil(() -> w.transport().status.get() == RunStatus.READY);
        RunPlan before = w.loaded();
        typeInto(robot, "#param-D", "500");
        Label error = robot.lookup("#param-error-D").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("D: 500 is out of range [1, 64]");
        robot.clickOn("#load-experiment");
        WaitForAsyncUtils.waitForFxEvents();
        Label problem = robot.lookup("#experiment-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("params.D").contains("out of range");
        assertThat(w.loaded()).isSameAs(before);
        robot.clickOn("#step-decision");
        waitUntil(() -> w.decisions().size() == 1);
        assertThat(w.transport().status.get()).isEqualTo(RunStatus.PAUSED);
    }

    @Test
    void badTraceFile_givesAMessageNamingIt_andNothingBreaks(FxRobot robot) throws Exception {
        Path bad = tmp.resolve("trace.csv");
        Files.write(bad, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});
        robot.interact(() -> w.experiment().importFiles(List.of(bad)));
        Label problem = robot.lookup("#experiment-problem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).startsWith(bad.toString());
        robot.clickOn("#load-experiment");
        waitUntil(() -> w.transport().status.get() == RunStatus.READY);
        robot.clickOn("#step-event");
        waitUntil(() -> w.session().mailbox().latest().events() == 1);
    }

    @Test
    void compareTwoPolicies_fillsTheTableInTheBackground(FxRobot robot) throws Exception {
        robot.clickOn("#tab-compare");
        robot.clickOn("#compare-paella-sjf"); // the default choice is mqfq-sticky, fcfs, paella-sjf
        assertThat(w.compareModel().chosen).containsExactly("mqfq-sticky", "fcfs");
        robot.clickOn("#compare-run");
        waitUntil(() -> !w.compareModel().running.get() && w.compareModel().rows.size() == 2);
        @SuppressWarnings("unchecked")
        TableView<CompareRow> table = robot.lookup("#compare-table").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(CompareRow::policy).containsExactly("mqfq-sticky", "fcfs");
        assertThat(table.getItems()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo("done");
            assertThat(r.p99Ms()).isGreaterThan(r.p50Ms());
            assertThat(r.fairness()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void coldStartBreakpoint_pausesTheRun_andDecisionsCanBeSearched(FxRobot robot) throws Exception {
        robot.clickOn("#side-teaching");
        robot.clickOn("#bp-cold");
        robot.interact(() -> w.transport().maxSpeed.set(true));
        robot.clickOn("#play");
        waitUntil(() -> w.transport().status.get() == RunStatus.PAUSED);
        assertThat(w.transport().message.get()).startsWith("Breakpoint: cold start of");
        robot.clickOn("#play");
        waitUntil(() ->
                w.transport().status.get() == RunStatus.PAUSED && w.decisions().size() >= 2);
        robot.clickOn("#tab-decisions");
        typeInto(robot, "#decision-search", "cold");
        DecisionTableView t = robot.lookup("#decision-table").queryAs(DecisionTableView.class);
        waitUntil(() -> !t.items().isEmpty()
                && t.items().stream().allMatch(r -> r.startType().label().contains("cold")));
        waitUntil(() -> t.drawnTexts().contains("start")
                && t.drawnTexts().contains(Long.toString(t.items().get(0).seq())));
        robot.interact(() -> t.select(0));
        assertThat(w.decisions().explanation.get()).contains("Start: cold");
        assertThat(t.selectedIndex()).isZero();
    }

    @Test
    void decisionTable_clickAndKeys_selectRowsAndExplainThem(FxRobot robot) throws Exception {
        robot.interact(() -> w.transport().maxSpeed.set(true));
        for (int i = 0; i < 6; i++) robot.clickOn("#step-decision");
        waitUntil(() -> w.decisions().size() == 6);
        robot.clickOn("#tab-decisions");
        DecisionTableView t = robot.lookup("#decision-table").queryAs(DecisionTableView.class);
        waitUntil(() -> t.items().size() == 6 && t.drawnTexts().contains("6"));
        assertThat(t.selectedIndex()).isEqualTo(-1);
        // a click on the second row (below the header) selects it
        Bounds b = t.localToScreen(t.getBoundsInLocal());
        robot.clickOn(b.getMinX() + 100, b.getMinY() + t.drawnHeaderHeight() + 1.5 * t.rowHeight());
        waitUntil(() -> t.selectedIndex() == 1);
        assertThat(w.decisions().explanation.get())
                .contains("#" + t.items().get(1).invocation());
        robot.type(KeyCode.DOWN);
        waitUntil(() -> t.selectedIndex() == 2);
        robot.type(KeyCode.END);
        waitUntil(() -> t.selectedIndex() == 5);
        robot.type(KeyCode.UP);
        waitUntil(() -> t.selectedIndex() == 4);
        robot.type(KeyCode.HOME);
        waitUntil(() -> t.selectedIndex() == 0);
        assertThat(w.decisions().selected.get()).isSameAs(t.items().get(0));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> t.selectedIndex() == -1);
        assertThat(w.decisions().explanation.get()).isEmpty();
    }

    @Test
    void latencyTab_aPausedRunKeptForOverlay_isDrawnBesideTheLiveOne(FxRobot robot) throws Exception {
        robot.clickOn("#tab-latency");
        robot.interact(() -> w.transport().maxSpeed.set(true));
        robot.clickOn("#play");
        waitUntil(() -> w.latency().current().completed() > 0
                && w.latencyView().rollingChart().getXYPlot().getDataset().getItemCount(0) > 0); // drawn while playing
        robot.interact(() -> w.transport().pause());
        waitUntil(() -> w.transport().status.get() != RunStatus.PLAYING); // paused, or finished already
        // no longer playing: the charts show the latest curves at once
        waitUntil(() -> w.latencyView().rollingChart().getXYPlot().getDataset().getItemCount(0)
                == w.latency().current().timeS().length);
        long refills = w.latencyView().refills();
        robot.interact(() -> w.latencyView().refresh(true));
        assertThat(w.latencyView().refills())
                .as("nothing changed: nothing redrawn")
                .isEqualTo(refills);
        robot.clickOn("#keep-run");
        waitUntil(() -> w.latencyView().rollingChart().getXYPlot().getDataset().getSeriesCount() == 4);
        var rolling = w.latencyView().rollingChart().getXYPlot().getDataset();
        assertThat(rolling.getItemCount(0))
                .isEqualTo(rolling.getItemCount(2))
                .isEqualTo(w.latency().current().timeS().length);
        assertThat(rolling.getYValue(3, 0)).isEqualTo(w.latency().current().p99Ms()[0] / 1000.0);
        assertThat(w.latencyView().cdfChart().getXYPlot().getDataset().getSeriesCount())
                .isEqualTo(2);
    }

    @Test
    void lesson_loadsItsPolicyParametersAndBreakpoints_andPresenterModeEnlargesText(FxRobot robot) throws Exception {
        robot.clickOn("#side-teaching");
        robot.clickOn("2. Throttling: the over-run bound T");
        robot.clickOn("#load-lesson");
        waitUntil(() -> w.loaded() != null && w.loaded().config().policyParams().getDouble("T") == 0.5);
        assertThat(w.teaching().onThrottle.get()).isTrue();
        robot.interact(() -> w.transport().maxSpeed.set(true));
        robot.clickOn("#play");
        waitUntil(() -> w.transport().status.get() == RunStatus.PAUSED);
        assertThat(w.transport().message.get()).contains("turned Throttled");
        assertThat(w.live().flowRows()).anyMatch(f -> f.state() == FlowState.THROTTLED);
        FlowTableView table = robot.lookup("#flow-table").queryAs(FlowTableView.class);
        waitUntil(() -> table.drawnTexts().contains(FunctionPalette.stateText(FlowState.THROTTLED)));
        int lightHeader = table.drawnPixel(5, 3);
        robot.interact(() -> w.setDark(true));
        waitUntil(() -> table.drawnPixel(5, 3) != lightHeader);
        robot.interact(() -> w.setDark(false));
        waitUntil(() -> table.drawnPixel(5, 3) == lightHeader);
        int rowHeight = table.rowHeight();
        assertThat(table.drawnPixel(5, 28)).as("below the header at scale 1").isNotEqualTo(lightHeader);

        double before = robot.lookup("#clock").queryAs(Label.class).getFont().getSize();
        robot.clickOn("#presenter");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.scene().getRoot().getStyleClass()).contains("presenter");
        assertThat(robot.lookup("#clock").queryAs(Label.class).getFont().getSize())
                .isGreaterThan(before * 1.3);
        assertThat(table.rowHeight()).isGreaterThan((int) (rowHeight * 1.3));
        waitUntil(() -> table.drawnPixel(5, 28) == lightHeader); // the header grew with the font
        assertThat(Set.copyOf(w.scene().getStylesheets())).hasSize(1);
    }
}
