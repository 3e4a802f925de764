package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.main.MainWindow;
import gpufaas.views.main.WorkbenchMenus;
import gpufaas.views.main.WorkbenchSettings;
import gpufaas.views.run.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
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
 * The GUI wired as the application wires it: its CSV export writes the same files as
 * {@code ./workbench run} for the same experiment and seed, its saved experiment runs the same on
 * the command line, and the screenshot command renders the real window.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class GuiExportIT {
    private static final List<String> SAME = List.of("invocations.csv", "summary.csv", "timeseries.csv");
    private MainWindow w;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        w = new MainWindow(stage, GuiServices.create(), WorkbenchSettings.none());
        stage.setWidth(1200);
        stage.setHeight(800);
        stage.show();
        w.experiment().loadPreset("teaching-3");
        w.loadExperiment();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(w::close);
    }

    private static void assertSameFiles(Path gui, Path cli) throws Exception {
        for (String f : SAME) {
            assertThat(Files.readAllLines(gui.resolve(f))).as(f).isEqualTo(Files.readAllLines(cli.resolve(f)));
            assertThat(Files.mismatch(gui.resolve(f), cli.resolve(f)))
                    .as(f + " byte for byte")
                    .isEqualTo(-1L);
        }
        assertThat(gui.resolve("summary.json")).exists();
        assertThat(gui.resolve("manifest.json")).exists();
    }

    @Test
    void exportedCsvs_equalTheCommandLinesForTheSameExperimentAndSeed(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> w.session().status() == RunStatus.READY);
        Path gui = tmp.resolve("gui");
        robot.interact(() -> {
            w.experiment().seed.set("7");
            w.experiment().field("T").text.set("2");
        });
        WorkbenchMenus.exportResults(w, gui);
        Path cli = tmp.resolve("cli");
        Cli r = Cli.run("run", "--preset", "teaching-3", "--seed", "7", "--param", "T=2", "--out", cli.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertSameFiles(gui, cli);
        assertThat(Files.readAllLines(gui.resolve("invocations.csv")).size()).isGreaterThan(100);
    }

    @Test
    void savedExperiment_runsTheSameFromTheCommandLine(FxRobot robot) throws Exception {
        Path json = tmp.resolve("e.json");
        robot.interact(() -> {
            w.experiment().policy.set("fcfs");
            w.experiment().gpuCount.set("2");
            w.experiment().addFunction("lud");
            assertThat(w.experiment().saveFile(json)).isTrue();
        });
        Path gui = tmp.resolve("gui");
        WorkbenchMenus.exportResults(w, gui);
        Path cli = tmp.resolve("cli");
        Cli r = Cli.run("run", "--experiment", json.toString(), "--out", cli.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertSameFiles(gui, cli);
    }

    @Test
    void screenshotCommand_rendersTheRealWindowAsPng() throws Exception {
        Path png = tmp.resolve("shot.png");
        Cli r = Cli.run(
                "screenshot",
                "--preset",
                "teaching-3",
                "--at",
                "15",
                "--tab",
                "decisions",
                "--size",
                "1000x700",
                "--out",
                png.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Decisions tab at 15.0 s");
        var img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1000);
        assertThat(img.getHeight()).isBetween(650, 700);
    }

    @Test
    void screenshotCommand_badInput_exitsWithTwoAndOneLine() {
        Cli r = Cli.run(
                "screenshot",
                "--preset",
                "nope",
                "--at",
                "5",
                "--out",
                tmp.resolve("x.png").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: --preset: unknown preset 'nope'").doesNotContain("Exception");
        Cli t = Cli.run(
                "screenshot",
                "--preset",
                "teaching-3",
                "--at",
                "5",
                "--tab",
                "graphs",
                "--out",
                tmp.resolve("x.png").toString());
        assertThat(t.status()).isEqualTo(2);
        assertThat(t.err()).contains("--tab").contains("unknown tab 'graphs'");
    }
}
