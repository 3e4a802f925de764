package gpufaas.app;

import gpufaas.engine.model.BadInputException;
import gpufaas.views.main.MainWindow;
import gpufaas.views.main.Png;
import gpufaas.views.main.WorkbenchSettings;
import gpufaas.views.main.WorkbenchTab;
import gpufaas.views.run.RunStatus;
import gpufaas.views.teaching.Lessons;
import gpufaas.workload.experiment.Presets;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./workbench screenshot}: renders the real main window headless (Monocle, software
 * rendering) after running the experiment to a simulated time, and writes it as PNG.
 */
@Command(
        name = "screenshot",
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Renders the real main window headless after --at seconds of simulated time and writes it as PNG.",
            "Input: --preset NAME, --experiment FILE.json or --lesson N."
        })
final class ScreenshotCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description = "a built-in preset (see: ${ROOT-COMMAND-NAME} presets)")
    String preset;

    @Option(names = "--experiment", paramLabel = "FILE.json", description = "an experiment file")
    Path experiment;

    @Option(
            names = "--at",
            paramLabel = "SECONDS",
            required = true,
            description = "simulated time to run to before the picture")
    double at;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "the PNG to write")
    Path out;

    @Option(
            names = "--tab",
            paramLabel = "live|latency|compare|decisions",
            description = "the tab to show (default: live)")
    String tab = "live";

    @Option(names = "--policy", paramLabel = "NAME", description = "run under this policy instead of the input's")
    String policy;

    @Option(
            names = "--compare",
            paramLabel = "P1,P2,...",
            split = ",",
            description = "policies the Compare tab runs (default: mqfq-sticky, fcfs, paella-sjf)")
    List<String> compare = new ArrayList<>(List.of("mqfq-sticky", "fcfs", "paella-sjf"));

    @Option(names = "--size", paramLabel = "WxH", description = "window size in pixels (default: 1600x1000)")
    String size = "1600x1000";

    @Option(
            names = "--lesson",
            paramLabel = "N",
            description =
                    "load lesson N (its preset, policy, parameters and "
                            + "breakpoints) and show the teaching panel; the run stops at the lesson's first breakpoint or at --at")
    Integer lesson;

    @Option(names = "--presenter", description = "presenter mode (large fonts)")
    boolean presenter;

    @Option(names = "--dark", description = "dark theme")
    boolean dark;

    @Option(
            names = "--anomaly",
            description = "on the Decisions tab: select the latest decision with an anomaly flagged "
                    + "(else the latest decision)")
    boolean anomaly;

    @Option(
            names = "--what-if",
            description = "on the Decisions tab: run the what-if of the selected decision (the next "
                    + "candidate flow, the next 30 s) and show its result")
    boolean whatIf;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "give up after this long (default: 120)")
    int timeoutS = 120;

    @Override
    public Integer call() throws Exception {
        int inputs = (preset != null ? 1 : 0) + (experiment != null ? 1 : 0) + (lesson != null ? 1 : 0);
        if (inputs != 1) {
            throw BadInputException.of(
                    "screenshot", "give exactly one input: --preset NAME, --experiment FILE.json or --lesson N");
        }
        int lessons = Lessons.all().size();
        if (lesson != null && (lesson < 1 || lesson > lessons)) {
            throw new BadInputException("--lesson", 0, null, "must be 1.." + lessons + ", got " + lesson);
        }
        if (preset != null) Presets.bytes(preset);
        if (experiment != null && !Files.isRegularFile(experiment)) {
            throw new BadInputException("--experiment", 0, null, "no such file: " + experiment);
        }
        if (!(at >= 0) || Double.isInfinite(at))
            throw new BadInputException("--at", 0, null, "must be seconds >= 0, got " + at);
        WorkbenchTab shown;
        try {
            shown = WorkbenchTab.parse(tab);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--tab", 0, null, e.getMessage());
        }
        int[] wh = parseSize(size);
        Headless.use(wh[0] + 64, wh[1] + 64);
        JavaFxClassPathNotice.silence();
        boolean ours = true;
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
            Platform.setImplicitExit(false);
        } catch (IllegalStateException alreadyRunning) {
            ours = false; // in-process (tests): the toolkit is up already
            started.complete(null);
        }
        started.get(30, TimeUnit.SECONDS);
        try {
            return shoot(shown, wh);
        } finally {
            if (ours) Platform.exit();
        }
    }

    private int shoot(WorkbenchTab shown, int[] wh) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutS);
        MainWindow w = onFx(() -> {
            Stage stage = new Stage();
            MainWindow win = new MainWindow(stage, GuiServices.create(), WorkbenchSettings.none());
            stage.setWidth(wh[0]);
            stage.setHeight(wh[1]);
            if (dark) win.setDark(true);
            stage.show();
            return win;
        });
        String problem = onFx(() -> {
            if (lesson != null) {
                w.loadLesson(Lessons.all().get(lesson - 1));
                w.showTeaching(true);
            } else if (preset != null) {
                w.experiment().loadPreset(preset);
            } else if (!w.experiment().loadFile(experiment)) {
                return w.experiment().problem.get();
            }
            if (policy != null) w.experiment().policy.set(policy);
            w.teaching().presenter.set(presenter);
            if (at > 0)
                w.teaching()
                        .atSeconds
                        .set(BigDecimal.valueOf(at).stripTrailingZeros().toPlainString());
            w.transport().maxSpeed.set(true);
            return w.loadExperiment() ? null : w.experiment().problem.get();
        });
        if (problem != null) throw BadInputException.of("screenshot", problem);
        waitFor(() -> w.session().status() != RunStatus.EMPTY, deadline, "the experiment to load");
        if (at > 0) {
            waitFor(
                    () -> onFxQuiet(() -> w.transport().status.get() == RunStatus.READY),
                    deadline,
                    "the window to show the run");
            onFx(() -> {
                w.transport().play();
                return null;
            });
            waitFor(
                    () -> {
                        RunStatus s = w.session().status();
                        return s == RunStatus.PAUSED || s == RunStatus.FINISHED || s == RunStatus.FAILED;
                    },
                    deadline,
                    "the run to reach " + at + " s");
        }
        if (w.session().status() == RunStatus.FAILED) {
            throw BadInputException.of(
                    "screenshot", w.session().mailbox().latest().message());
        }
        if (shown == WorkbenchTab.COMPARE) {
            onFx(() -> {
                w.compareModel().chosen.setAll(compare);
                w.select(WorkbenchTab.COMPARE);
                w.compare();
                return null;
            });
            waitFor(() -> onFxQuiet(() -> !w.compareModel().running.get()), deadline, "the comparison to finish");
        }
        awaitFrames(w, 5, deadline);
        onFx(() -> {
            w.select(shown);
            if (shown == WorkbenchTab.DECISIONS) {
                var t = w.decisionsView().table();
                int n = t.items().size();
                int pick = n - 1;
                if (anomaly) {
                    for (int i = n - 1; i >= 0; i--) {
                        if (!w.decisions().anomaliesOf(t.items().get(i)).isEmpty()) {
                            pick = i;
                            break;
                        }
                    }
                }
                if (pick >= 0) t.select(pick); // scrolls it into view
                if (pick >= 0 && whatIf) w.decisions().runWhatIf();
            }
            return null;
        });
        if (shown == WorkbenchTab.DECISIONS && whatIf) {
            waitFor(() -> onFxQuiet(() -> !w.decisions().whatIfRunning.get()), deadline, "the what-if to finish");
        }
        awaitFrames(w, 12, deadline);
        onFx(() -> {
            Png.write(w.scene(), out);
            w.close();
            w.stage().close();
            return null;
        });
        main.out.println("wrote " + out + " (" + shown.title() + " tab at "
                + w.session().mailbox().latest().timeUs() / 1e6 + " s)");
        return 0;
    }

    private static int[] parseSize(String s) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            int w = Integer.parseInt(p[0].trim());
            int h = Integer.parseInt(p[1].trim());
            if (p.length != 2 || w < 400 || h < 300 || w > 8000 || h > 8000) throw new NumberFormatException();
            return new int[] {w, h};
        } catch (RuntimeException e) {
            throw new BadInputException(
                    "--size", 0, null, "expected WIDTHxHEIGHT between 400x300 and 8000x8000, got '" + s + "'");
        }
    }

    private static void awaitFrames(MainWindow w, int n, long deadline) throws Exception {
        long start = onFx(w::frames);
        waitFor(() -> onFxQuiet(w::frames) >= start + n, deadline, n + " frames");
    }

    private static void waitFor(Supplier<Boolean> cond, long deadline, String what) throws InterruptedException {
        while (!cond.get()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out waiting for " + what);
            Thread.sleep(20);
        }
    }

    /** Runs {@code f} on the FX thread and returns its result. */
    static <T> T onFx(FxCall<T> f) throws Exception {
        CompletableFuture<T> r = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.complete(f.call());
            } catch (Throwable t) {
                r.completeExceptionally(t);
            }
        });
        try {
            return r.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) throw ex;
            throw e;
        }
    }

    private static <T> T onFxQuiet(FxCall<T> f) {
        try {
            return onFx(f);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    interface FxCall<T> {
        T call() throws Exception;
    }
}
