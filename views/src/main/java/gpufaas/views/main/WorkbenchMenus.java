package gpufaas.views.main;

import gpufaas.engine.model.BadInputException;
import gpufaas.views.run.RunPlan;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javafx.concurrent.Task;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

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
        file.getItems()
                .addAll(
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
        run.getItems()
                .addAll(
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
        for (WorkbenchTab t : WorkbenchTab.values())
            view.getItems().add(item(t.title(), "Shortcut+" + (i++), () -> w.select(t)));
        CheckMenuItem presenter = new CheckMenuItem("_Presenter mode (large fonts)");
        presenter.setAccelerator(new KeyCodeCombination(KeyCode.F12));
        presenter.selectedProperty().bindBidirectional(w.teaching().presenter);
        CheckMenuItem dark = new CheckMenuItem("_Dark theme");
        dark.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        dark.setSelected(w.dark());
        dark.selectedProperty().addListener((o, a, b) -> w.setDark(b));
        CheckMenuItem panel = new CheckMenuItem("Experiment _panel");
        panel.setAccelerator(KeyCombination.keyCombination("Shortcut+B"));
        panel.selectedProperty().bindBidirectional(w.sideShown);
        view.getItems().addAll(new SeparatorMenuItem(), panel, presenter, dark);
        Menu help = new Menu("_Help");
        help.setId("help-menu");
        MenuItem quick = item("_Quick start", "F1", () -> text("Quick start", QUICK_START));
        quick.setId("help-quick-start");
        MenuItem keys = item("_Keyboard shortcuts", null, () -> text("Keyboard shortcuts", shortcuts()));
        keys.setId("help-shortcuts");
        MenuItem reproduce =
                item("_Reproduce the paper (quick, in the background)", null, () -> w.reproduce(reproductionFolder()));
        reproduce.setId("help-reproduce");
        reproduce.disableProperty().bind(w.reproducing);
        help.getItems()
                .addAll(
                        quick,
                        keys,
                        new SeparatorMenuItem(),
                        reproduce,
                        new SeparatorMenuItem(),
                        item(
                                "_About",
                                null,
                                () -> info(
                                        "About",
                                        "GPU FaaS scheduling workbench "
                                                + w.services().version()
                                                + "\nMQFQ-Sticky and its competitors on a simulated GPU."
                                                + "\nThe same experiments run headless with ./workbench run.")));
        bar = new MenuBar(file, run, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private MenuBar bar;

    static final String QUICK_START = String.join(
            "\n",
            "1. Choose an experiment on the left: a preset (paper-medium, teaching-3, the dissertation's diss-… traces), or compose",
            "   functions from the catalog, import trace files (Ctrl+I) or open an experiment file (Ctrl+O).",
            "2. Pick the devices (GPU profile, count, MPS, MIG) and the policy with its parameters. A problem shows in red beside",
            "   the field.",
            "3. Press Load experiment (Ctrl+L), or simply Play: edits made since the last load are listed above the buttons and",
            "   applied on Play from the start and on Reset.",
            "4. Play (F5) at a speed from 0.1× to 1000× or Max; Step event (F10) or Step decision (F11) to go one step at a time.",
            "5. Live shows the flows with their start tags against V, what runs on each device, the utilization gate and each",
            "   container's memory; Latency the curves; Decisions every dispatch with why, anomalies flagged, and a what-if",
            "   rerun of the selected decision; Compare runs the experiment under several policies side by side.",
            "6. Teaching (left, second tab) has lessons and breakpoints; the armed breakpoints show above the buttons with a",
            "   button that clears them. F12 switches to presenter mode; Ctrl+B hides the left panel.",
            "7. Save the experiment (Ctrl+S) or export its results (Ctrl+E) as ./workbench run writes them; Help ▸ Reproduce the",
            "   paper runs the dissertation's experiments and opens the report.");

    /**
     * Where Help ▸ Reproduce the paper writes: {@code $XDG_CACHE_HOME/gpufaas-workbench} (else
     * {@code ~/.cache/gpufaas-workbench}), one new folder per reproduction.
     */
    static Path reproductionFolder() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank()
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home", "."), ".cache");
        return base.resolve("gpufaas-workbench");
    }

    /** Every shortcut of the menus, then the keys of the decision log, one per line. */
    String shortcuts() {
        return shortcutsOf(bar);
    }

    /** Every shortcut of {@code menus}, then the keys of the decision log and the speed slider, one per line. */
    String shortcutsOf(MenuBar menus) {
        StringBuilder b = new StringBuilder();
        for (Menu m : menus.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i.getAccelerator() == null) continue;
                b.append(String.format(
                        "%-16s %s ▸ %s%n",
                        i.getAccelerator().getDisplayText(),
                        m.getText().replace("_", ""),
                        i.getText().replace("_", "")));
            }
        }
        b.append(String.format("%-16s %s%n", "Up, Down", "Decisions: select the previous or next decision"));
        b.append(String.format("%-16s %s%n", "Page Up, Down", "Decisions: a page up or down"));
        b.append(String.format("%-16s %s%n", "Home, End", "Decisions: the first or the latest decision"));
        b.append(String.format("%-16s %s%n", "Escape", "Decisions: clear the selection (follow the latest again)"));
        b.append(String.format("%-16s %s%n", "Left, Right", "Speed slider: a third of a decade slower or faster"));
        return b.toString();
    }

    /** A dialog with a block of text that keeps its lines (monospaced, scrollable). */
    private void text(String title, String body) {
        TextArea t = new TextArea(body);
        t.setEditable(false);
        t.setWrapText(false);
        t.setId("help-text");
        t.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace;");
        t.setPrefColumnCount(100);
        t.setPrefRowCount(Math.min(24, (int) body.lines().count() + 1));
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setContent(t);
        a.setResizable(true);
        a.initOwner(w.stage());
        a.show();
    }

    private static MenuItem item(String text, String accel, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accel != null) m.setAccelerator(KeyCombination.keyCombination(accel));
        m.setOnAction(e -> action.run());
        return m;
    }

    // ------------------------------------------------------------------ experiments

    private void openExperiment() {
        if (!w.confirmDiscard("Opening another experiment")) return;
        FileChooser fc = chooser("Open experiment", "Experiment JSON", "*.json");
        File f = fc.showOpenDialog(w.stage());
        if (f == null) return;
        open(w, f.toPath());
    }

    /** Opens an experiment file into the panel and loads it (false with a dialog when it cannot be read). */
    boolean open(MainWindow win, Path file) {
        if (win.experiment().loadFile(file)) {
            remember(file);
            win.loadExperiment();
            return true;
        }
        error("Cannot open the experiment", win.experiment().problem.get());
        return false;
    }

    private void saveExperiment() {
        FileChooser fc = chooser("Save experiment", "Experiment JSON", "*.json");
        fc.setInitialFileName(Planning.fileName(w.experiment().name.get()) + ".json");
        File f = fc.showSaveDialog(w.stage());
        if (f == null) return;
        save(w, f.toPath());
    }

    /** Saves the panel's experiment to {@code file} and says so (a dialog when it cannot). */
    static boolean save(MainWindow win, Path file) {
        if (!win.experiment().saveFile(file)) {
            error(win, "Cannot save the experiment", win.experiment().problem.get());
            return false;
        }
        remember(file);
        win.notice("Saved the experiment to " + file.toAbsolutePath() + ".");
        return true;
    }

    private static void remember(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) lastFolder = dir;
    }

    /** The folder the file dialogs open in: the one used last, else the user's home (never the program's folder). */
    private static Path lastFolder;

    static File initialFolder() {
        Path d = lastFolder;
        if (d == null || !Files.isDirectory(d)) d = Path.of(System.getProperty("user.home", "."));
        return Files.isDirectory(d) ? d.toFile() : null;
    }

    private void importFiles() {
        FileChooser fc = chooser(
                "Import workload files", "Traces, functions, Azure files, experiments", "*.csv", "*.txt", "*.json");
        List<File> fs = fc.showOpenMultipleDialog(w.stage());
        if (fs == null || fs.isEmpty()) return;
        List<Path> paths = new ArrayList<>();
        for (File f : fs) paths.add(f.toPath());
        boolean experiment = paths.stream()
                .anyMatch(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".json"));
        if (experiment && !w.confirmDiscard("Importing an experiment file")) return;
        remember(paths.get(0));
        if (!w.experiment().importFiles(paths))
            error("Cannot import", w.experiment().problem.get());
        else
            w.notice("Imported " + paths.size() + " file" + (paths.size() == 1 ? "" : "s")
                    + "; Load experiment or Play uses them.");
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
        dc.setInitialDirectory(initialFolder());
        File d = dc.showDialog(w.stage());
        if (d == null) return;
        lastFolder = d.toPath();
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
            w.notice("Exported the results to " + task.getValue() + ".");
            info(
                    "Results exported",
                    "Wrote invocations.csv, summary.csv, summary.json, timeseries.csv and manifest.json to\n"
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
        if (plan == null)
            throw new BadInputException(
                    "experiment", 0, null, w.experiment().problem.get());
        return w.services().exporter().export(plan, dir);
    }

    private void exportPng() {
        FileChooser fc = chooser("Export chart as PNG", "PNG image", "*.png");
        fc.setInitialFileName(w.selected().title().toLowerCase(Locale.ROOT) + ".png");
        File f = fc.showSaveDialog(w.stage());
        if (f == null) return;
        exportPng(w, f.toPath());
    }

    /** Writes the visible tab as PNG and says so (a dialog when it cannot). */
    static boolean exportPng(MainWindow win, Path file) {
        try {
            Png.write(win.content(win.selected()), file);
            remember(file);
            win.notice("Wrote the " + win.selected().title() + " tab as " + file.toAbsolutePath() + ".");
            return true;
        } catch (IOException e) {
            error(win, "Cannot write the PNG", file + ": " + e.getMessage());
            return false;
        }
    }

    // ------------------------------------------------------------------ dialogs

    private static FileChooser chooser(String title, String what, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.setInitialDirectory(initialFolder());
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
        return fc;
    }

    private void error(String title, String message) {
        error(w, title, message);
    }

    private static void error(MainWindow win, String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(title);
        a.initOwner(win.stage());
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
        private Planning() {}

        static String fileName(String s) {
            StringBuilder b = new StringBuilder();
            for (char c : s.toCharArray())
                b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? c : '_');
            String r = b.toString().replaceAll("^[.]+", "_");
            return r.isEmpty() ? "experiment" : r;
        }

        /** {@code chosen} itself when it is empty, else a new folder NAME-POLICY (-2, -3 …) inside it. */
        static Path outputFolder(Path chosen, RunPlan plan) {
            if (isEmptyDir(chosen)) return chosen;
            String base =
                    fileName(plan.spec().name() + "-" + plan.config().policy().name());
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
