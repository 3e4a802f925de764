package gpufaas.views.experiment;

import gpufaas.views.run.BackendOption;
import gpufaas.views.style.Legible;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.controlsfx.control.ToggleSwitch;

/**
 * The experiment panel on the left: workload (preset, composer, imports), devices, policy and
 * its parameters, backend, and the Load button with the experiment's problem, if any, below it.
 * Files can be dropped anywhere on it.
 */
public final class ExperimentView extends VBox {
    private final ExperimentViewModel vm;
    private final Runnable onLoad;
    private final Label dropZone = new Label("Drop Ilúvatar trace / functions CSVs, Azure 2019 or 2021 files, "
            + "or an experiment JSON here (or File ▸ Import workload files…)");

    private final Predicate<String> mayDiscard;

    /**
     * @param onLoad     applies the experiment: plans it and loads it into the live run
     * @param mayDiscard asks whether unsaved edits may be dropped for what it names (true: go on)
     */
    public ExperimentView(ExperimentViewModel vm, Runnable onLoad, Predicate<String> mayDiscard) {
        this.vm = vm;
        this.onLoad = onLoad;
        this.mayDiscard = mayDiscard;
        setId("experiment-view");
        getStyleClass().add("side-panel");
        VBox content = new VBox(8, workload(), devices(), policy(), backend());
        content.setPadding(new Insets(8));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setId("experiment-scroll");
        scroll.setFitToWidth(true);
        // a narrow panel scrolls sideways rather than cutting its labels off
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.setMinWidth(0);
        setMinWidth(0);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Button load = new Button("Load experiment");
        load.setId("load-experiment");
        load.setDefaultButton(true);
        load.setOnAction(e -> onLoad.run());
        load.setTooltip(new Tooltip("Plan the experiment in this panel and load it into the run, "
                + "at time 0 (Ctrl+L); Play from the start and Reset also apply the panel's edits"));
        load.setMaxWidth(Double.MAX_VALUE);
        Label problem = new Label();
        problem.setId("experiment-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problem);
        problem.managedProperty().bind(vm.problem.isNotEmpty());
        problem.visibleProperty().bind(vm.problem.isNotEmpty());
        problem.setMinHeight(Label.USE_PREF_SIZE);
        Label notes = new Label();
        notes.getStyleClass().add("note-text");
        notes.setWrapText(true);
        notes.textProperty().bind(vm.notes);
        notes.managedProperty().bind(vm.notes.isNotEmpty());
        notes.visibleProperty().bind(vm.notes.isNotEmpty());
        VBox bottom = new VBox(4, load, problem, notes);
        bottom.setPadding(new Insets(6, 8, 8, 8));
        getChildren().addAll(scroll, bottom);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                if (!dropZone.getStyleClass().contains("drag-over"))
                    dropZone.getStyleClass().add("drag-over");
            }
            e.consume();
        });
        setOnDragExited(e -> dropZone.getStyleClass().remove("drag-over"));
        setOnDragDropped(e -> {
            boolean ok = false;
            if (e.getDragboard().hasFiles()) {
                List<Path> files = new ArrayList<>();
                for (File f : e.getDragboard().getFiles()) files.add(f.toPath());
                boolean experiment = files.stream()
                        .anyMatch(f -> f.toString().toLowerCase(Locale.ROOT).endsWith(".json"));
                ok = (!experiment || mayDiscard.test("Dropping an experiment file")) && vm.importFiles(files);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // ------------------------------------------------------------------ workload

    private Node workload() {
        ComboBox<String> preset = new ComboBox<>();
        preset.setId("preset");
        preset.getItems().setAll(ExperimentViewModel.presetNames());
        preset.setPromptText("(composed)");
        preset.setMaxWidth(Double.MAX_VALUE);
        preset.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(vm.preset.get())) {
                if (!mayDiscard.test("Choosing preset " + b)) {
                    Platform.runLater(() -> preset.setValue(vm.preset.get().isEmpty() ? null : vm.preset.get()));
                    return;
                }
                vm.loadPreset(b);
                onLoad.run();
            }
        });
        vm.preset.addListener((o, a, b) -> preset.setValue(b == null || b.isEmpty() ? null : b));
        preset.setValue(vm.preset.get().isEmpty() ? null : vm.preset.get());
        Label description = new Label();
        description.textProperty().bind(vm.description);
        description.setWrapText(true);
        description.getStyleClass().add("help");
        description.setMinHeight(Label.USE_PREF_SIZE);

        ComboBox<WorkloadKind> kind = new ComboBox<>();
        kind.setId("workload-kind");
        kind.getItems().setAll(WorkloadKind.values());
        kind.valueProperty().bindBidirectional(vm.workloadKind);

        VBox composed = composer();
        GridPane trace = form(
                "trace CSV", pathField(vm.traceCsv, "Ilúvatar trace", false, "*.csv"),
                "functions CSV", pathField(vm.functionsCsv, "Ilúvatar functions", false, "*.csv"));
        GridPane az19 = form(
                "dataset folder", pathField(vm.azure2019Dir, "Azure Functions 2019 dataset folder", true),
                "day (1-14)", field(vm.azure2019Day),
                "functions", field(vm.azureFunctions),
                "start minute", field(vm.azure2019StartMinute),
                "minutes", field(vm.azure2019Minutes));
        GridPane az21 = form(
                "trace file", pathField(vm.azure2021File, "Azure Functions 2021 trace", false, "*.txt", "*.csv"),
                "functions", field(vm.azureFunctions),
                "start (s)", field(vm.azure2021StartS));
        GridPane like = form(
                "functions", field(vm.azureFunctions),
                "offered load", field(vm.azureLikeLoad),
                "popularity sigma", field(vm.azureLikeSigma));
        showFor(composed, WorkloadKind.COMPOSED);
        showFor(trace, WorkloadKind.TRACE);
        showFor(az19, WorkloadKind.AZURE_2019);
        showFor(az21, WorkloadKind.AZURE_2021);
        showFor(like, WorkloadKind.AZURE_LIKE);

        dropZone.getStyleClass().add("drop-zone");
        dropZone.setWrapText(true);
        dropZone.setMaxWidth(Double.MAX_VALUE);
        GridPane run = form(
                ExperimentViewModel.SEED,
                checked(vm.seed, null),
                ExperimentViewModel.DURATION,
                checked(vm.durationS, "generated: 600; trace: all"));
        VBox box = new VBox(
                6,
                row("preset", preset),
                description,
                row("workload", kind),
                composed,
                trace,
                az19,
                az21,
                like,
                dropZone,
                run);
        return titled("Workload", box, "workload-pane");
    }

    private VBox composer() {
        FunctionTableView table = new FunctionTableView(vm);
        ComboBox<String> catalog = new ComboBox<>();
        catalog.getItems().setAll(ExperimentViewModel.catalogFunctions());
        catalog.getSelectionModel().selectFirst();
        catalog.setId("catalog");
        Button add = new Button("Add");
        add.setId("add-function");
        add.setOnAction(e -> {
            FunctionRowModel r = vm.addFunction(catalog.getValue());
            table.getSelectionModel().select(r);
            table.scrollTo(r);
        });
        Button remove = new Button("Remove");
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> vm.removeFunction(table.getSelectionModel().getSelectedItem()));
        FlowPane buttons = new FlowPane(6, 4, new Label("catalog"), catalog, add, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox details = new VBox(4);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showArrival(details, b));
        showArrival(details, null);
        return new VBox(6, table, buttons, details);
    }

    private void showArrival(VBox into, FunctionRowModel r) {
        into.getChildren().clear();
        if (r == null) {
            Label l = new Label(
                    "Select a function to edit its arrival process (Poisson, bursty, diurnal, or gaps from a trace).");
            l.setWrapText(true);
            l.getStyleClass().add("help");
            into.getChildren().add(l);
            return;
        }
        Label title = new Label();
        title.textProperty().bind(Bindings.concat("Arrivals of ", r.name, ": ", Bindings.convert(r.arrival)));
        title.getStyleClass().add("param-name");
        GridPane poisson = form("mean rate /s", validated(r.ratePerS, r));
        GridPane bursty = form(
                "mean rate /s",
                validated(r.ratePerS, r),
                "burst factor",
                validated(r.burstFactor, r),
                "mean burst (s)",
                validated(r.meanBurstS, r),
                "mean calm (s)",
                validated(r.meanCalmS, r));
        GridPane diurnal = form(
                "mean rate /s",
                validated(r.ratePerS, r),
                "amplitude 0-1",
                validated(r.amplitude, r),
                "period (s)",
                validated(r.periodS, r),
                "phase (s)",
                validated(r.phaseS, r));
        Button choose = new Button("Take gaps from a trace CSV…");
        choose.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Trace with " + r.name.get() + "'s arrivals (func_name,invoke_time_ms)");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = fc.showOpenDialog(getScene().getWindow());
            if (f != null) vm.setTraceArrivals(r, f.toPath());
        });
        Label src = new Label();
        src.textProperty().bind(r.iatSource);
        src.getStyleClass().add("help");
        VBox trace = new VBox(4, choose, src);
        Label azure = new Label();
        azure.textProperty().bind(r.azureNote);
        azure.setWrapText(true);
        azure.getStyleClass().add("help");
        into.getChildren().addAll(title, poisson, bursty, diurnal, trace, azure);
        Runnable vis = () -> {
            ArrivalKind k = r.arrival.get();
            set(poisson, k == ArrivalKind.POISSON);
            set(bursty, k == ArrivalKind.BURSTY);
            set(diurnal, k == ArrivalKind.DIURNAL);
            set(trace, k == ArrivalKind.TRACE);
            set(azure, k == ArrivalKind.AZURE_MINUTES);
        };
        r.arrival.addListener((o, a, b) -> vis.run());
        vis.run();
    }

    private static void set(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }

    private TextField validated(StringProperty p, FunctionRowModel r) {
        TextField t = field(p);
        t.textProperty().addListener((o, a, b) -> {
            r.validate();
            vm.preset.set("");
        });
        return t;
    }

    private void showFor(Node n, WorkloadKind k) {
        n.visibleProperty().bind(vm.workloadKind.isEqualTo(k));
        n.managedProperty().bind(vm.workloadKind.isEqualTo(k));
    }

    // ------------------------------------------------------------------ devices

    private Node devices() {
        ComboBox<String> gpu = new ComboBox<>();
        gpu.setId("gpu-profile");
        gpu.getItems().setAll(ExperimentViewModel.gpuProfiles());
        gpu.setEditable(false);
        gpu.valueProperty().bindBidirectional(vm.gpu);
        TextField count = field(vm.gpuCount);
        count.setId("gpu-count");
        Label countProblem = problemLabel(count, vm.gpuCount);
        countProblem.setId("gpu-count-problem");
        ToggleSwitch mps = new ToggleSwitch("MPS");
        mps.setId("mps");
        mps.selectedProperty().bindBidirectional(vm.mps);
        TextField pct = field(vm.mpsPct, "100/D");
        pct.disableProperty().bind(vm.mps.not());
        Label pctProblem = problemLabel(pct, vm.mpsPct);
        ToggleSwitch mig = new ToggleSwitch("MIG");
        mig.setId("mig");
        mig.selectedProperty().bindBidirectional(vm.mig);
        mig.disableProperty().bind(Bindings.isEmpty(vm.migProfiles));
        ComboBox<String> migProfile = new ComboBox<>(vm.migProfiles);
        migProfile.valueProperty().bindBidirectional(vm.migProfile);
        migProfile.disableProperty().bind(vm.mig.not());
        TextField cpu = field(vm.cpuCores);
        cpu.setId("cpu-cores");
        Label cpuProblem = problemLabel(cpu, vm.cpuCores);
        GridPane g = form(
                "GPU profile",
                gpu,
                ExperimentViewModel.GPUS,
                new VBox(2, count, countProblem),
                ExperimentViewModel.CPU_CORES,
                new VBox(2, cpu, cpuProblem));
        FlowPane mpsRow = new FlowPane(8, 4, mps, new Label("thread %"), pct, pctProblem);
        mpsRow.setAlignment(Pos.CENTER_LEFT);
        FlowPane migRow = new FlowPane(8, 4, mig, new Label("profile"), migProfile);
        migRow.setAlignment(Pos.CENTER_LEFT);
        return titled("Devices", new VBox(6, g, mpsRow, migRow), "devices-pane");
    }

    /** A text field with its own check: the problem in red below it, and the field marked, as it is typed. */
    private VBox checked(StringProperty p, String prompt) {
        TextField t = field(p, prompt);
        return new VBox(2, t, problemLabel(t, p));
    }

    private Label problemLabel(TextField t, StringProperty p) {
        StringProperty problem = vm.problemOf(p);
        Label l = new Label();
        l.getStyleClass().add("param-error");
        l.setWrapText(true);
        l.textProperty().bind(problem);
        l.managedProperty().bind(problem.isNotEmpty());
        l.visibleProperty().bind(problem.isNotEmpty());
        Runnable mark = () -> {
            t.getStyleClass().remove("invalid");
            if (!problem.get().isEmpty()) t.getStyleClass().add("invalid");
        };
        problem.addListener((o, a, b) -> mark.run());
        mark.run();
        return l;
    }

    // ------------------------------------------------------------------ policy

    private Node policy() {
        ComboBox<String> policy = new ComboBox<>();
        policy.setId("policy");
        policy.getItems().setAll(ExperimentViewModel.policyNames());
        policy.valueProperty().bindBidirectional(vm.policy);
        policy.setMaxWidth(Double.MAX_VALUE);
        Label description = new Label();
        description.textProperty().bind(vm.policyDescription);
        description.setWrapText(true);
        description.getStyleClass().add("help");
        description.setMinHeight(Label.USE_PREF_SIZE);
        ComboBox<String> placement = new ComboBox<>();
        placement.getItems().setAll(ExperimentViewModel.placementNames());
        placement.valueProperty().bindBidirectional(vm.placement);
        ComboBox<String> admission = new ComboBox<>();
        admission.getItems().setAll(ExperimentViewModel.admissionNames());
        admission.valueProperty().bindBidirectional(vm.admission);
        Label note = new Label();
        note.setId("policy-note");
        note.textProperty().bind(vm.policyNote);
        note.setWrapText(true);
        note.getStyleClass().add("note-text");
        note.setMinHeight(Label.USE_PREF_SIZE);
        note.managedProperty().bind(vm.policyNote.isNotEmpty());
        note.visibleProperty().bind(vm.policyNote.isNotEmpty());
        GridPane g = form("placement", placement, "admission", admission);
        ParamEditorView params = new ParamEditorView(vm);
        params.setId("param-editor");
        return titled("Policy", new VBox(6, row("policy", policy), description, note, g, params), "policy-pane");
    }

    // ------------------------------------------------------------------ backend

    private Node backend() {
        ToggleGroup group = new ToggleGroup();
        VBox box = new VBox(4);
        for (BackendOption o : vm.backends()) {
            RadioButton b = new RadioButton(o.label());
            b.setId("backend-" + o.name());
            b.setToggleGroup(group);
            b.setUserData(o.name());
            b.setDisable(!o.available());
            b.setSelected(o.name().equalsIgnoreCase(vm.backend.get()));
            box.getChildren().add(b);
            if (!o.available()) {
                Label why = new Label(o.reason());
                why.getStyleClass().add("help");
                why.setWrapText(true);
                why.setPadding(new Insets(0, 0, 0, 24));
                box.getChildren().add(why);
            }
        }
        group.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) vm.backend.set((String) b.getUserData());
        });
        vm.backend.addListener((o, a, b) -> {
            for (var t : group.getToggles()) t.setSelected(b != null && b.equalsIgnoreCase((String) t.getUserData()));
        });
        TitledPane t = titled("Backend", box, "backend-pane");
        t.setExpanded(false);
        return t;
    }

    // ------------------------------------------------------------------ helpers

    private static TitledPane titled(String title, Node content, String id) {
        TitledPane t = new TitledPane(title, content);
        t.setId(id);
        return t;
    }

    private static HBox row(String label, Node control) {
        Label l = new Label(label);
        l.setMinWidth(Label.USE_PREF_SIZE);
        l.getStyleClass().add("row-label");
        HBox h = new HBox(8, l, control);
        h.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(control, Priority.ALWAYS);
        // a choice keeps the width its value needs (the panel scrolls sideways before a choice is cut)
        if (control instanceof ComboBox<?> c) Legible.keepValueWidth(c);
        return h;
    }

    /** A two-column form from label, control pairs. */
    private static GridPane form(Object... pairs) {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(4);
        for (int i = 0; i < pairs.length; i += 2) {
            Label l = new Label((String) pairs[i]);
            l.setMinWidth(Label.USE_PREF_SIZE);
            Node n = (Node) pairs[i + 1];
            g.add(l, 0, i / 2);
            g.add(n, 1, i / 2);
            GridPane.setHgrow(n, Priority.ALWAYS);
        }
        return g;
    }

    private static TextField field(StringProperty p) {
        return field(p, null);
    }

    private static TextField field(StringProperty p, String prompt) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(p);
        t.setPrefColumnCount(8);
        if (prompt != null) t.setPromptText(prompt);
        return t;
    }

    private HBox pathField(StringProperty p, String what, boolean folder, String... patterns) {
        TextField t = field(p);
        t.setPrefColumnCount(14);
        Button browse = new Button("…");
        browse.setOnAction(e -> {
            File f;
            if (folder) {
                DirectoryChooser dc = new DirectoryChooser();
                dc.setTitle(what);
                f = dc.showDialog(getScene().getWindow());
            } else {
                FileChooser fc = new FileChooser();
                fc.setTitle(what);
                if (patterns.length > 0) fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
                f = fc.showOpenDialog(getScene().getWindow());
            }
            if (f != null) vm.importFiles(List.of(f.toPath()));
        });
        HBox h = new HBox(4, t, browse);
        HBox.setHgrow(t, Priority.ALWAYS);
        return h;
    }
}
