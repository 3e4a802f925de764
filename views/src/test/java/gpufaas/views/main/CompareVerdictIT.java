package gpufaas.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.compare.CompareRow;
import gpufaas.views.compare.CompareViewModel;
import gpufaas.views.compare.PublishedValues;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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

/** Compare gives a verdict, marks the best value of each measure, explains its measures and shows the published values. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class CompareVerdictIT {
    private MainWindow w;

    @TempDir
    Path tmp;

    /** What the application's report would say for the published trace (the real rows are tested in app). */
    static final PublishedValues STUB = (spec, byPolicy) -> spec.name().startsWith("diss-")
            ? List.of(new PublishedValues.PublishedRow(
                    "25.7095",
                    "mqfq-sticky mean latency",
                    "s",
                    8.9,
                    byPolicy.get("mqfq-sticky").latency().meanE2eMs() / 1000,
                    byPolicy.get("mqfq-sticky").latency().meanE2eMs() / 8900,
                    "within ×1.5",
                    "ok"))
            : List.of();

    @Start
    void start(Stage stage) throws Exception {
        Reproducer fake = (out, progress) -> {
            Files.createDirectories(out);
            progress.accept(0, 2);
            progress.accept(2, 2);
            Files.writeString(out.resolve("report.md"), "# Reproduction\n\n## Headline\n\n3 of 4 targets met.\n");
            return new Reproducer.Result(out.resolve("report.md"), 3, 4);
        };
        w = new MainWindow(
                stage, MainWindowIT.services().withPublished(STUB).withReproducer(fake), WorkbenchSettings.none());
        stage.setWidth(1400);
        stage.setHeight(900);
        stage.show();
        w.experiment().loadPreset("diss-25.7095");
        w.loadExperiment();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(w::close);
    }

    private static void waitUntil(Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void comparison_marksTheBest_givesAVerdict_andShowsThePublishedValues(FxRobot robot) throws Exception {
        robot.clickOn("#tab-compare");
        robot.interact(() -> {
            w.compareModel().chosen.setAll("mqfq-sticky", "fcfs");
            w.compare();
        });
        waitUntil(() -> !w.compareModel().running.get()
                && w.compareModel().rows.stream().allMatch(r -> r.status().equals("done")));
        @SuppressWarnings("unchecked")
        TableView<CompareRow> table = robot.lookup("#compare-table").queryAs(TableView.class);
        // the best mean latency is starred in its cell, and only there
        List<String> meanCells = robot.lookup("#compare-table .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() != null
                        && "compare-col-mean".equals(c.getTableColumn().getId())
                        && c.getText() != null)
                .map(TableCell::getText)
                .toList();
        assertThat(meanCells).hasSize(2);
        assertThat(meanCells.stream().filter(t -> t.startsWith("★ "))).hasSize(1);
        CompareRow best = table.getItems().stream()
                .min(Comparator.comparingDouble(CompareRow::meanMs))
                .orElseThrow();
        assertThat(w.compareModel().isBest(best, CompareViewModel.Metric.MEAN)).isTrue();
        Label verdict = robot.lookup("#compare-verdict").queryAs(Label.class);
        assertThat(verdict.isVisible()).isTrue();
        assertThat(verdict.getText()).startsWith("Best: ").contains(best.policy() + " (mean");
        @SuppressWarnings("unchecked")
        TableView<PublishedValues.PublishedRow> published =
                robot.lookup("#compare-published").queryAs(TableView.class);
        assertThat(published.isVisible()).isTrue();
        assertThat(published.getItems())
                .singleElement()
                .extracting(PublishedValues.PublishedRow::published)
                .isEqualTo(8.9);
        assertThat(robot.lookup("#compare-published-note").queryAs(Label.class).getText())
                .contains("1 of 1 targets met");
        // the measures explain themselves
        for (String id : List.of("compare-col-fairness", "compare-col-utilization")) {
            TableColumn<?, ?> c = table.getColumns().stream()
                    .filter(x -> id.equals(x.getId()))
                    .findFirst()
                    .orElseThrow();
            Node header = c.getGraphic();
            assertThat(((Label) header).getTooltip()).as(id).isNotNull();
        }
        TableColumn<?, ?> jain = table.getColumns().stream()
                .filter(x -> "compare-col-fairness".equals(x.getId()))
                .findFirst()
                .orElseThrow();
        assertThat(((Label) jain.getGraphic()).getTooltip().getText())
                .contains("Jain")
                .contains("Higher is better");
    }

    @Test
    void reproduceThePaper_runsInTheBackground_andOpensTheReport(FxRobot robot) throws Exception {
        robot.interact(() -> assertThat(w.reproduce(tmp)).isTrue());
        waitUntil(() -> w.reportWindow() != null && w.reportWindow().isShowing());
        assertThat(w.transport().notice.get())
                .startsWith("Reproduced the paper: 3 of 4 targets met; the report is " + tmp);
        TextArea md = (TextArea) w.reportWindow().getScene().lookup("#report-text");
        assertThat(md.getText()).contains("## Headline");
        assertThat(((Label) w.reportWindow().getScene().lookup("#report-headline")).getText())
                .startsWith("3 of 4 targets met.");
        robot.interact(() -> w.reportWindow().close());
    }
}
