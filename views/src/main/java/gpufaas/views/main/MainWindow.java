package gpufaas.views.main;

import gpufaas.engine.model.BadInputException;
import gpufaas.views.compare.CompareRunner;
import gpufaas.views.compare.CompareView;
import gpufaas.views.compare.CompareViewModel;
import gpufaas.views.decisions.Anomaly;
import gpufaas.views.decisions.DecisionRecord;
import gpufaas.views.decisions.DecisionsView;
import gpufaas.views.decisions.DecisionsViewModel;
import gpufaas.views.experiment.ExperimentView;
import gpufaas.views.experiment.ExperimentViewModel;
import gpufaas.views.latency.LatencyView;
import gpufaas.views.latency.LatencyViewModel;
import gpufaas.views.live.LiveView;
import gpufaas.views.live.LiveViewModel;
import gpufaas.views.live.TimelineMarker;
import gpufaas.views.run.EngineCommand;
import gpufaas.views.run.EngineSession;
import gpufaas.views.run.FrameUpdate;
import gpufaas.views.run.LiveSnapshot;
import gpufaas.views.run.RunPlan;
import gpufaas.views.run.RunStatus;
import gpufaas.views.run.WhatIf;
import gpufaas.views.style.ViewStyle;
import gpufaas.views.teaching.BreakpointHit;
import gpufaas.views.teaching.Lesson;
import gpufaas.views.teaching.TeachingView;
import gpufaas.views.teaching.TeachingViewModel;
import gpufaas.views.transport.Speed;
import gpufaas.views.transport.TransportView;
import gpufaas.views.transport.TransportViewModel;
import gpufaas.workload.experiment.ExperimentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * The workbench's main window. Owns the engine session (one engine thread), the view models and
 * views, and the one {@link AnimationTimer} that, once per frame, drains the session's mailbox and
 * hands each view model its part, then lets the visible tab redraw. Menus and file actions live in
 * {@link WorkbenchMenus}.
 */
public final class MainWindow {
    static final String CSS = "/gpufaas/views/workbench.css";
    static final String DARK_CSS = "/gpufaas/views/dark.css";
    /** The preset the workbench opens on the first start (and when the last experiment cannot be read). */
    public static final String DEFAULT_PRESET = "paper-medium";

    private final Stage stage;
    private final WorkbenchServices services;
    private final WorkbenchSettings settings;
    private final ViewStyle style = new ViewStyle();
    private final EngineSession session;
    private final CompareRunner compareRunner;

    private final ExperimentViewModel experimentVm;
    private final TransportViewModel transportVm;
    private final LiveViewModel liveVm = new LiveViewModel();
    private final LatencyViewModel latencyVm = new LatencyViewModel();
    private final CompareViewModel compareVm;
    private final DecisionsViewModel decisionsVm = new DecisionsViewModel();
    private final TeachingViewModel teachingVm;

    private final LiveView liveView;
    /** Built when their tab is first shown: the window opens faster (JFreeChart loads only then). */
    private LatencyView latencyView;

    private CompareView compareView;
    private DecisionsView decisionsView;
    private final TabPane tabs = new TabPane();
    private final Map<WorkbenchTab, Tab> tabOf = new EnumMap<>(WorkbenchTab.class);
    private final BorderPane root = new BorderPane();
    private final SplitPane centre;
    private TabPane side;
    private final Scene scene;
    private final FrameStats frameStats = new FrameStats();
    private final AnimationTimer timer;
    private long frames;
    /**
     * While a run plays, what the window shows changes at most every this many nanoseconds (30
     * times a second): the frames between leave the scene untouched, so JavaFX neither renders nor
     * uploads them (with software rendering each changed frame costs a copy of the whole window).
     * Paused or stepping, every frame shows the latest state.
     */
    static final long SHOW_EVERY_NANOS = 29_000_000;

    private long lastShown;
    private boolean playing;
    private RunPlan loaded;
    /** the narrowest the left panel gets (it scrolls sideways below what its controls need) */
    static final double SIDE_MIN_WIDTH = 320;
    /** whether the left panel (experiment, teaching) shows; hidden, the tabs take the whole width */
    public final BooleanProperty sideShown = new SimpleBooleanProperty(true);
    /** the panel's edits are compared with the loaded run at most this often */
    static final long EDITS_EVERY_NANOS = 200_000_000;

    private long lastEditsCheck;
    /** asks whether unsaved edits may be dropped (a dialog; tests answer it themselves) */
    private Predicate<String> confirm = this::askDiscard;

    public MainWindow(Stage stage, WorkbenchServices services, WorkbenchSettings settings) {
        this.stage = stage;
        this.services = services;
        this.settings = settings;
        this.session = new EngineSession(services.engines(), Speed.of(10), services.maxEventsPerSecond());
        this.compareRunner = new CompareRunner(services.engines());
        this.experimentVm = new ExperimentViewModel(services.planner(), services.backends());
        this.transportVm = new TransportViewModel(session::send);
        this.teachingVm = new TeachingViewModel(session::send);
        transportVm.onApplyEdits(this::loadExperiment);
        transportVm.onClearBreakpoints(teachingVm::clear);
        transportVm.breakpoints.bind(teachingVm.armed);
        decisionsVm.setWhatIfRunner(this::whatIf);
        this.compareVm = new CompareViewModel(compareRunner, services.published());

        liveView = new LiveView(liveVm, style);
        tab(WorkbenchTab.LIVE, liveView);
        tab(WorkbenchTab.LATENCY, null);
        tab(WorkbenchTab.COMPARE, null);
        tab(WorkbenchTab.DECISIONS, null);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("tabs");
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            ensureContent(selected());
            refreshVisible(true);
        });

        ExperimentView experimentView = new ExperimentView(experimentVm, this::loadExperiment, this::confirmDiscard);
        TeachingView teachingView = new TeachingView(teachingVm, this::loadLesson);
        Tab experimentTab = new Tab("Experiment", experimentView);
        experimentTab.setId("side-experiment");
        Tab teachingTab = new Tab("Teaching", new ScrollPane(teachingView));
        teachingTab.setId("side-teaching");
        side = new TabPane(experimentTab, teachingTab);
        ((ScrollPane) side.getTabs().get(1).getContent()).setFitToWidth(true);
        ((ScrollPane) side.getTabs().get(1).getContent()).setMinWidth(0);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("side-tabs");
        side.getStyleClass().add("side-panel");
        side.setMinWidth(SIDE_MIN_WIDTH);
        centre = new SplitPane(side, tabs);
        centre.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(side, false);
        sideShown.addListener((o, a, b) -> showSide(b));

        root.setCenter(centre);
        root.setBottom(new TransportView(transportVm));
        WorkbenchMenus menus = new WorkbenchMenus(this);
        root.setTop(menus.bar());

        double w = settings.number("window.width", 1600);
        double h = settings.number("window.height", 1000);
        scene = new Scene(root, w, h);
        scene.getStylesheets().add(MainWindow.class.getResource(CSS).toExternalForm());
        teachingVm.presenter.set(settings.presenter());
        teachingVm.presenter.addListener((o, a, b) -> applyStyle());
        setDark(settings.dark());
        stage.setScene(scene);
        stage.setTitle("GPU FaaS scheduling workbench");
        if (settings.remembers()) {
            double x = settings.number("window.x", Double.NaN);
            double y = settings.number("window.y", Double.NaN);
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                stage.setX(x);
                stage.setY(y);
            }
            stage.setMaximized(settings.flag("window.maximized"));
        }
        stage.setOnCloseRequest(e -> close());

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        timer.start();
    }

    private void tab(WorkbenchTab t, Node content) {
        Tab tab = new Tab(t.title(), content);
        tab.setId(t.id());
        tabOf.put(t, tab);
        tabs.getTabs().add(tab);
    }

    // ------------------------------------------------------------------ the frame

    private void frame(long now) {
        long t0 = System.nanoTime();
        if (playing && now - lastShown < SHOW_EVERY_NANOS) {
            frames++;
            frameStats.frame(now, System.nanoTime() - t0);
            return;
        }
        lastShown = now;
        FrameUpdate u = session.mailbox().drain();
        boolean settled = false;
        if (u != null) {
            apply(u);
            playing = u.snapshot().status() == RunStatus.PLAYING;
            // a run that stopped playing shows its latest curves at once
            settled = u.latency() != null && u.snapshot().status() != RunStatus.PLAYING;
        }
        if (compareVm.poll() && selected() == WorkbenchTab.COMPARE)
            compareView().refresh();
        if (now - lastEditsCheck >= EDITS_EVERY_NANOS) {
            lastEditsCheck = now;
            refreshPendingEdits();
            // the left panel keeps its width when the window is resized; on a narrower window it gives way
            if (scene.getWidth() != fittedWidth && side.getWidth() > 0) {
                fittedWidth = scene.getWidth();
                fitSide(fittedWidth);
            }
            if (!transportVm.notice.get().isEmpty() && System.nanoTime() - noticeAt > NOTICE_NANOS)
                transportVm.notice.set("");
        }
        refreshVisible(settled);
        frames++;
        frameStats.frame(now, System.nanoTime() - t0);
    }

    private void apply(FrameUpdate u) {
        LiveSnapshot s = u.snapshot();
        if (u.reset()) {
            latencyVm.reset(s.runLabel());
            teachingVm.send();
        }
        liveVm.apply(s, u.segments(), u.markers(), u.reset());
        transportVm.apply(s);
        // a time breakpoint fires once (the engine thread disarms it): the teaching panel no longer shows it armed
        if (s.hit() != null && s.hit() != lastHit && s.hit().kind() == BreakpointHit.Kind.TIME) {
            teachingVm.atSeconds.set("");
        }
        lastHit = s.hit();
        liveVm.addMarkers(anomalyMarkers(decisionsVm.append(u.decisions(), u.reset())));
        if (u.latency() != null) latencyVm.apply(u.latency());
    }

    /** The anomalies flagged on decisions, as marks on the device timeline at their device and time. */
    static List<TimelineMarker> anomalyMarkers(List<Anomaly> found) {
        if (found.isEmpty()) return List.of();
        List<TimelineMarker> out = new ArrayList<>();
        long last = -1;
        for (var a : found) {
            var d = a.decision();
            if (d.seq() == last || d.context().deviceIndex() < 0) continue; // one mark per decision
            last = d.seq();
            out.add(new TimelineMarker(d.context().deviceIndex(), d.fn(), TimelineMarker.Kind.ANOMALY, d.timeUs()));
        }
        return out;
    }

    /** Flags the log again with new thresholds and marks the timeline anew. */
    public void setAnomalyThresholds(double k, double floorS) {
        var found = decisionsVm.setThresholds(k, floorS);
        liveVm.replaceMarkers(TimelineMarker.Kind.ANOMALY, anomalyMarkers(found));
    }

    private void refreshVisible(boolean force) {
        switch (selected()) {
            case LIVE -> liveView.refresh();
            case LATENCY -> latencyView().refresh(force);
            case COMPARE -> compareView().refresh();
            case DECISIONS -> decisionsView().refresh();
        }
    }

    /** Shows the Experiment (false) or the Teaching (true) panel on the left. */
    public void showTeaching(boolean teaching) {
        side.getSelectionModel().select(teaching ? 1 : 0);
    }

    public WorkbenchTab selected() {
        Tab t = tabs.getSelectionModel().getSelectedItem();
        for (Map.Entry<WorkbenchTab, Tab> e : tabOf.entrySet()) if (e.getValue() == t) return e.getKey();
        return WorkbenchTab.LIVE;
    }

    public void select(WorkbenchTab t) {
        ensureContent(t);
        tabs.getSelectionModel().select(tabOf.get(t));
        refreshVisible(true);
    }

    // ------------------------------------------------------------------ actions

    /** Opens the window on the last experiment, or on the default preset. */
    public void openInitialExperiment() {
        Path last = settings.lastExperiment();
        boolean ok = false;
        if (last != null && Files.isRegularFile(last)) {
            ok = experimentVm.loadFile(last);
            if (ok) experimentVm.preset.set("");
        }
        if (!ok) experimentVm.loadPreset(DEFAULT_PRESET);
        loadExperiment();
    }

    /** Plans the experiment in the panel and loads it into the live run; false (problem shown inline) when it cannot run. */
    public boolean loadExperiment() {
        Lesson lesson = teachingVm.lesson.get();
        if (lesson != null && !lesson.preset().equals(experimentVm.preset.get()) && !lessonLoading)
            teachingVm.leaveLesson();
        RunPlan plan = experimentVm.plan();
        if (plan == null) {
            transportVm.message.set("Not loaded: " + experimentVm.problem.get());
            return false;
        }
        loaded = plan;
        transportVm.live.set(!plan.spec().backend().equalsIgnoreCase("sim"));
        session.send(new EngineCommand.Load(plan));
        stage.setTitle("GPU FaaS scheduling workbench: " + plan.spec().name() + " under " + plan.label());
        refreshPendingEdits();
        return true;
    }

    /** The panel's edits not in the loaded run, written into the transport bar (which applies them on Play or Reset). */
    private void refreshPendingEdits() {
        List<String> edits = loaded == null ? List.of() : experimentVm.changesFrom(loaded.spec());
        transportVm.pendingEdits.set(
                edits.isEmpty()
                        ? ""
                        : "Not in this run yet: " + String.join("; ", edits)
                                + ". Play from the start or Reset applies them.");
    }

    private boolean lessonLoading;
    private BreakpointHit lastHit;

    public void loadLesson(Lesson l) {
        lessonLoading = true;
        try {
            teachingVm.lesson.set(l);
            experimentVm.loadPreset(l.preset());
            experimentVm.policy.set(l.policy());
            for (Map.Entry<String, String> e : l.params().entrySet()) {
                var f = experimentVm.field(e.getKey());
                if (f != null) f.setExplicit(e.getValue());
            }
            teachingVm.setFromLesson(l.breakpoints());
            transportVm.setSpeedFactor(l.speed());
            loadExperiment();
        } finally {
            lessonLoading = false;
        }
        select(WorkbenchTab.LIVE);
    }

    /** Whether the experiment in the panel may be replaced ({@code what} is about to replace it): true when it has no unsaved edits or the user lets them go. */
    public boolean confirmDiscard(String what) {
        return !experimentVm.hasUnsavedEdits() || confirm.test(what);
    }

    private boolean askDiscard(String what) {
        Alert a = new Alert(
                Alert.AlertType.CONFIRMATION,
                "The experiment in the panel has edits that are not saved. " + what + " replaces them.",
                ButtonType.CANCEL,
                ButtonType.OK);
        a.setHeaderText("Discard the unsaved edits?");
        a.initOwner(stage);
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** Replaces the dialog that asks before unsaved edits are dropped (tests). */
    public void setConfirm(Predicate<String> c) {
        confirm = c;
    }

    /** Says what the window just did (saved, exported…) in the transport bar, for a few seconds. */
    public void notice(String text) {
        transportVm.notice.set(text);
        noticeAt = System.nanoTime();
    }

    private long noticeAt;
    /** how long a notice stays */
    static final long NOTICE_NANOS = 8_000_000_000L;

    private double fittedWidth = -1;

    /** On a window narrower than the panel was made for, the left panel takes at most a third of it. */
    private void fitSide(double width) {
        if (!centre.getItems().contains(side) || width <= 0) return;
        double most = Math.max(SIDE_MIN_WIDTH, width * (teachingVm.presenter.get() ? 0.36 : 0.3));
        if (side.getWidth() <= most + 1) return;
        // the split pane keeps this panel's width through resizes and ignores a new divider position: cap it for one
        // layout
        side.setMaxWidth(most);
        centre.setDividerPosition(0, most / width);
        centre.layout();
        side.setMaxWidth(Double.MAX_VALUE);
    }

    /** Shows or hides the left panel. */
    private void showSide(boolean show) {
        if (show && !centre.getItems().contains(side)) {
            centre.getItems().add(0, side);
            centre.setDividerPositions(teachingVm.presenter.get() ? 0.36 : 0.3);
        } else if (!show) {
            centre.getItems().remove(side);
        }
    }

    /** Starts the comparison of the experiment in the panel under the chosen policies. */
    public boolean compare() {
        ExperimentSpec base = experimentVm.specOrProblem();
        if (base == null) {
            compareVm.status.set("The experiment has a problem: " + experimentVm.problem.get());
            return false;
        }
        return compareVm.start(base, ExperimentViewModel::withPolicy, this::planQuietly, this::planProblem);
    }

    /** Plans a variant for Compare without touching the panel's problem and notes. */
    private RunPlan planQuietly(ExperimentSpec s) {
        try {
            return services.planner().plan(s, experimentVm.baseDir());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String planProblem(ExperimentSpec s) {
        try {
            services.planner().plan(s, experimentVm.baseDir());
            return "";
        } catch (BadInputException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return "experiment: " + e.getMessage();
        }
    }

    private void overlayCompare() {
        for (var r : compareVm.results()) latencyVm.add(r.curves().withLabel(r.policy()));
        select(WorkbenchTab.LATENCY);
    }

    /**
     * Reruns the loaded experiment twice in the background (as recorded, and with {@code d}
     * overridden) and hands the comparison to {@code done} on the FX thread.
     */
    private void whatIf(
            DecisionRecord d, WhatIf.Alternative alt, double windowS, BiConsumer<WhatIf.Result, String> done) {
        RunPlan plan = loaded;
        if (plan == null) {
            done.accept(null, "No experiment is loaded.");
            return;
        }
        if (!plan.spec().backend().equalsIgnoreCase("sim")) {
            done.accept(
                    null,
                    "A what-if replays the run on the simulator; a live "
                            + plan.spec().backend() + " run cannot be replayed.");
            return;
        }
        Task<WhatIf.Result> task = new Task<>() {
            @Override
            protected WhatIf.Result call() {
                return WhatIf.run(services.engines(), plan, d, alt, windowS);
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue(), null));
        task.setOnFailed(e -> done.accept(null, "The what-if failed: " + task.getException()));
        Thread th = new Thread(task, "what-if");
        th.setDaemon(true);
        th.setPriority(Thread.NORM_PRIORITY - 1);
        th.start();
    }

    /** Whether a reproduction runs in the background now. */
    public final BooleanProperty reproducing = new SimpleBooleanProperty(false);

    private Stage reportWindow;

    /** A finished reproduction and its report as read in the background (or why it could not be read). */
    private record ReproductionDone(Reproducer.Result result, ReportWindow.Contents contents, String problem) {}

    /**
     * Runs the dissertation's experiments ({@code reproduce --quick}) in the background into a new
     * folder under {@code parent}, with its progress in the transport bar, and opens the report
     * when it is written. False when one is already running.
     */
    public boolean reproduce(Path parent) {
        if (reproducing.get()) return false;
        Path out = parent.resolve(
                "reproduce-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        reproducing.set(true);
        notice("Reproducing the paper (reproduce --quick) in the background into " + out + " …");
        AtomicBoolean reported = new AtomicBoolean();
        Task<ReproductionDone> task = new Task<>() {
            @Override
            protected ReproductionDone call() throws Exception {
                Reproducer.Result r = services.reproducer().reproduce(out, (done, total) -> {
                    if (!reported.getAndSet(true) || done.equals(total) || done % 10 == 0) {
                        updateMessage(String.format("Reproducing the paper: %d of %d runs …", done, total));
                    }
                });
                try {
                    return new ReproductionDone(r, ReportWindow.Contents.read(r), null);
                } catch (IOException ex) {
                    return new ReproductionDone(r, null, ex.getMessage());
                }
            }
        };
        task.messageProperty().addListener((o, a, b) -> notice(b));
        task.setOnSucceeded(e -> {
            reproducing.set(false);
            ReproductionDone d = task.getValue();
            Reproducer.Result r = d.result();
            notice(String.format(
                    "Reproduced the paper: %d of %d targets met; the report is %s", r.met(), r.targets(), r.report()));
            if (d.contents() != null) {
                reportWindow = ReportWindow.open(stage, d.contents(), scene.getStylesheets());
            } else {
                notice("The reproduction wrote " + r.report() + " but it cannot be read: " + d.problem());
            }
        });
        task.setOnFailed(e -> {
            reproducing.set(false);
            Throwable t = task.getException();
            notice("The reproduction failed: " + (t.getMessage() == null ? t.toString() : t.getMessage()));
        });
        Thread th = new Thread(task, "reproduce");
        th.setDaemon(true);
        th.start();
        return true;
    }

    /** The window with the last reproduction's report, or null. */
    public Stage reportWindow() {
        return reportWindow;
    }

    /** Switches the theme (FX thread). */
    public void setDark(boolean dark) {
        String url = MainWindow.class.getResource(DARK_CSS).toExternalForm();
        scene.getStylesheets().remove(url);
        if (dark) scene.getStylesheets().add(url);
        applyStyle(dark);
    }

    public boolean dark() {
        return style.dark();
    }

    private void applyStyle() {
        applyStyle(style.dark());
    }

    private void applyStyle(boolean dark) {
        boolean presenter = teachingVm.presenter.get();
        root.getStyleClass().remove("presenter");
        if (presenter) root.getStyleClass().add("presenter");
        if (presenter != (style.scale() > 1)) centre.setDividerPositions(presenter ? 0.36 : 0.3);
        style.set(dark, presenter ? 1.5 : 1.0);
        liveView.flows().restyle();
        if (decisionsView != null) decisionsView.restyle();
        refreshVisible(true);
    }

    /** Saves what is remembered and stops the engine thread and the background runs. */
    public void close() {
        timer.stop();
        if (settings.remembers()) {
            settings.set("window.width", stage.getWidth());
            settings.set("window.height", stage.getHeight());
            settings.set("window.x", stage.getX());
            settings.set("window.y", stage.getY());
            settings.set("window.maximized", stage.isMaximized());
            settings.set("theme.dark", style.dark());
            settings.set("presenter", teachingVm.presenter.get());
            settings.save();
            Path last = settings.lastExperiment();
            if (last != null) experimentVm.saveFile(last);
        }
        compareVm.cancel();
        compareRunner.close();
        session.close();
    }

    // ------------------------------------------------------------------ access for menus, tests, screenshots, the
    // harness

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    public EngineSession session() {
        return session;
    }

    public WorkbenchServices services() {
        return services;
    }

    public ExperimentViewModel experiment() {
        return experimentVm;
    }

    public TransportViewModel transport() {
        return transportVm;
    }

    public LiveViewModel live() {
        return liveVm;
    }

    public LatencyViewModel latency() {
        return latencyVm;
    }

    public CompareViewModel compareModel() {
        return compareVm;
    }

    public DecisionsViewModel decisions() {
        return decisionsVm;
    }

    public TeachingViewModel teaching() {
        return teachingVm;
    }

    public LiveView liveView() {
        return liveView;
    }

    public DecisionsView decisionsView() {
        if (decisionsView == null) {
            decisionsView = new DecisionsView(decisionsVm, style, this::setAnomalyThresholds);
            tabOf.get(WorkbenchTab.DECISIONS).setContent(decisionsView);
        }
        return decisionsView;
    }

    private CompareView compareView() {
        if (compareView == null) {
            compareView = new CompareView(
                    compareVm, style, ExperimentViewModel.policyNames(), this::compare, this::overlayCompare);
            tabOf.get(WorkbenchTab.COMPARE).setContent(compareView);
        }
        return compareView;
    }

    private void ensureContent(WorkbenchTab t) {
        switch (t) {
            case LIVE -> {}
            case LATENCY -> latencyView();
            case COMPARE -> compareView();
            case DECISIONS -> decisionsView();
        }
    }

    public LatencyView latencyView() {
        if (latencyView == null) {
            latencyView = new LatencyView(latencyVm, style);
            tabOf.get(WorkbenchTab.LATENCY).setContent(latencyView);
        }
        return latencyView;
    }

    public FrameStats frameStats() {
        return frameStats;
    }

    /** Frames the timer has run so far. */
    public long frames() {
        return frames;
    }

    /** The plan last loaded into the live run, or null. */
    public RunPlan loaded() {
        return loaded;
    }

    /** The node of a tab's content (for PNG export of one chart area). */
    public Node content(WorkbenchTab t) {
        ensureContent(t);
        return tabOf.get(t).getContent();
    }
}
