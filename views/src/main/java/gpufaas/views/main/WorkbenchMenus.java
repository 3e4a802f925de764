package gpufaas.views.main;

import gpufaas.engine.model.BadInputException;
import gpufaas.views.run.RunPlan;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The menu bar and its file actions: open, save and import experiments and workload files,
 * export the result CSVs (through the command line's writers, in the background) and chart PNGs,
 * run control, tabs, presenter mode and theme, each with a shortcut. Problems show in a dialog
 * naming the file and what is wrong.
 */
public final class WorkbenchMenus {
    private final MainWindow w;

    WorkbenchMenus(MainWindow w) {
        this.w = w;
    }

    MenuBar bar() {
        Menu file = new Menu("_File");
        file.getItems().addAll(
                item("_Open experiment…", "Shortcut+O", this::openExperiment),
                item("_Save experiment…", "Shortcut+S", this::saveExperiment),
                item("_Import workload files…", "Shortcut+I", this::importFiles),
                new SeparatorMenuItem(),
                item("_Export results (CSV)…", "Shortcut+E", this::exportResults),
                item("Export _chart as PNG…", "Shortcut+P", this::exportPng),
                new SeparatorMenuItem(),
                item("_Quit", "Shortcut+Q", () -> {
                    w.close();
                    w.stage().close();
                }));
        Menu run = new Menu("_Run");
        run.getItems().addAll(
                item("_Load experiment", "Shortcut+L", w::loadExperiment),
                item("_Play / pause", "F5", () -> w.transport().togglePlay()),
                item("Step one _event", "F10", () -> w.transport().stepEvent()),
                item("Step one _decision", "F11", () -> w.transport().stepDecision()),
                item("_Reset", "Shortcut+R", () -> w.transport().reset()),
                new SeparatorMenuItem(),
                item("_Compare chosen policies", "Shortcut+K", () -> {
                    w.select(WorkbenchTab.COMPARE);
                    w.compare();
                }));
        Menu view = new Menu("_View");
        int i = 1;
        for (WorkbenchTab t : WorkbenchTab.values()) view.getItems().add(item(t.title(), "Shortcut+" + (i++), () -> w.select(t)));
        CheckMenuItem presenter = new CheckMenuItem("_Presenter mode (large fonts)");
        presenter.setAccelerator(new KeyCodeCombination(KeyCode.F12));
        presenter.selectedProperty().bindBidirectional(w.teaching().presenter);
        CheckMenuItem dark = new CheckMenuItem("_Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        dark.setSelected(w.dark());
        dark.selectedProperty().addListener((o, a, b) -> w.setDark(b));
        view.getItems().addAll(new SeparatorMenuItem(), presenter, dark);
        Menu help = new Menu("_Help");
        help.getItems().add(item("_About", null, () -> info("About",
                "GPU FaaS scheduling workbench " + w.services().version() + "\nMQFQ-Sticky and its competitors on a simulated GPU."
                        + "\nThe same experiments run headless with ./workbench run.")));
        MenuBar bar = new MenuBar(file, run, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) m.setAccelerator(KeyCombination.keyCombination(accel));
        m.setOnAction(e -> action.run());
        return m;
    }

    // ------------------------------------------------------------------ experiments

    private void openExperiment() {
        FileChooser fc = chooser("Open experiment", "Experiment JSON", "*.json");
        File f = fc.showOpenDialog(w.stage());
        if (f == null) return;
        if (w.experiment().loadFile(f.toPath())) w.loadExperiment();
        else error("Cannot open the experiment", w.experiment().problem.get());
    }

    private void saveExperiment() {
        FileChooser fc = chooser("Save experiment", "Experiment JSON", "*.json");
        fc.setInitialFileName(Planning.fileName(w.experiment().name.get()) + ".json");
        File f = fc.showSaveDialog(w.stage());
        if (f == null) return;
        if (!w.experiment().saveFile(f.toPath())) error("Cannot save the experiment", w.experiment().problem.get());
    }

    private void importFiles() {
        FileChooser fc = chooser("Import workload files", "Traces, functions, Azure files, experiments", "*.csv", "*.txt", "*.json");
        List<File> fs = fc.showOpenMultipleDialog(w.stage());
        if (fs == null || fs.isEmpty()) return;
        List<Path> paths = new ArrayList<>();
        for (File f : fs) paths.add(f.toPath());
        if (!w.experiment().importFiles(paths)) error("Cannot import", w.experiment().problem.get());
    }

    // ------------------------------------------------------------------ exports

    private void exportResults() {
        RunPlan plan = w.experiment().plan();
        if (plan == null) {
            error("Cannot export", w.experiment().problem.get());
            return;
        }
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Folder for invocations.csv, summary.csv, summary.json, timeseries.csv, manifest.json");
        File d = dc.showDialog(w.stage());
        if (d == null) return;
        Path dir = Planning.outputFolder(d.toPath(), plan);
        Task<Path> task = new Task<>() {
            @Override
            protected Path call() {
                return w.services().exporter().export(plan, dir);
            }
        };
        w.transport().message.set("Exporting results to " + dir + " …");
        task.setOnSucceeded(e -> {
            w.transport().message.set("");
            info("Results exported", "Wrote invocations.csv, summary.csv, summary.json, timeseries.csv and manifest.json to\n"
                    + task.getValue() + "\n(the same files as ./workbench run for this experiment and seed).");
        });
        task.setOnFailed(e -> {
            w.transport().message.set("");
            Throwable t = task.getException();
            error("Export failed", t instanceof BadInputException ? t.getMessage() : String.valueOf(t));
        });
        Thread th = new Thread(task, "export");
        th.setDaemon(true);
        th.start();
    }

    /** Writes the result folder for the experiment in the panel into {@code dir} synchronously (tests). */
    public static Path exportResults(MainWindow w, Path dir) {
        RunPlan plan = w.experiment().plan();
        if (plan == null) throw new BadInputException("experiment", 0, null, w.experiment().problem.get());
        return w.services().exporter().export(plan, dir);
    }

    private void exportPng() {
        FileChooser fc = chooser("Export chart as PNG", "PNG image", "*.png");
        fc.setInitialFileName(w.selected().title().toLowerCase(Locale.ROOT) + ".png");
        File f = fc.showSaveDialog(w.stage());
        if (f == null) return;
        try {
            Png.write(w.content(w.selected()), f.toPath());
        } catch (IOException e) {
            error("Cannot write the PNG", f + ": " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ dialogs

    private static FileChooser chooser(String title, String what, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
        return fc;
    }

    private void error(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(title);
        a.initOwner(w.stage());
        a.show();
    }

    private void info(String title, String message) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, message);
        a.setHeaderText(title);
        a.initOwner(w.stage());
        a.show();
    }

    /** File names for saved experiments and export folders. */
    static final class Planning {
        private Planning() { }

        static String fileName(String s) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray()) b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_');
            String r = b.toString().replaceAll("^[.]+", "_");
            return r.isEmpty() ? "experiment" : r;
        }

        /** {@code chosen} itself when it is empty, else a new folder NAME-POLICY (-2, -3 …) inside it. */
        static Path outputFolder(Path chosen, RunPlan plan) {
            if (isEmptyDir(chosen)) return chosen;
            String base = fileName(plan.spec().name() + "-" + plan.config().policy().name());
            Path p = chosen.resolve(base);
            for (int i = 2; Files.exists(p); i++) p = chosen.resolve(base + "-" + i);
            return p;
        }

        private static boolean isEmptyDir(Path d) {
            if (!Files.isDirectory(d)) return false;
            try (Stream<Path> s = Files.list(d)) {
                return s.findAny().isEmpty();
            } catch (IOException e) {
                return false;
            }
        }
    }
}
