package gpufaas.views.experiment;

import gpufaas.engine.admission.AdmissionRegistry;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MigProfile;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.placement.PlacementRegistry;
import gpufaas.engine.policy.PolicyFactory;
import gpufaas.engine.policy.PolicyRegistry;
import gpufaas.engine.registry.Entry;
import gpufaas.engine.run.EngineParams;
import gpufaas.views.run.BackendOption;
import gpufaas.views.run.RunPlan;
import gpufaas.views.run.RunPlanner;
import gpufaas.workload.catalog.BenchmarkCatalog;
import gpufaas.workload.device.DeviceProfiles;
import gpufaas.workload.experiment.Azure2019Spec;
import gpufaas.workload.experiment.Azure2021Spec;
import gpufaas.workload.experiment.AzureLikeSpec;
import gpufaas.workload.experiment.DevicesSpec;
import gpufaas.workload.experiment.DockerSpec;
import gpufaas.workload.experiment.ExperimentJson;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.FunctionEntry;
import gpufaas.workload.experiment.Presets;
import gpufaas.workload.experiment.WorkloadSpec;
import gpufaas.workload.json.FieldProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The experiment being composed: workload, devices, policy with its parameters, backend, seed and
 * duration, as editable properties. {@link #toSpec()} turns it into the command line's experiment
 * (so saving writes the same JSON {@code ./workbench run --experiment} reads) and {@link #plan()}
 * resolves it through the application's planner, putting any problem into {@link #problem} as one
 * line naming the field. No JavaFX scene types: tested without a toolkit.
 */
public final class ExperimentViewModel {
    /** Parameters the editor leaves to other controls (the MPS thread percentage is in the devices section). */
    static final List<String> HIDDEN_PARAMS = List.of("mps_pct");
    /** The panel's labels, which messages about its fields name (not the JSON fields behind them). */
    static final String GPUS = "GPUs";

    static final String CPU_CORES = "CPU cores";
    static final String MPS_PCT = "MPS thread %";
    static final String SEED = "seed";
    static final String DURATION = "duration (s)";

    private final RunPlanner planner;
    private final List<BackendOption> backends;

    public final StringProperty preset = new SimpleStringProperty("");
    public final StringProperty name = new SimpleStringProperty("experiment");
    public final StringProperty description = new SimpleStringProperty("");
    public final StringProperty seed = new SimpleStringProperty("42");
    public final StringProperty durationS = new SimpleStringProperty("");

    public final ObjectProperty<WorkloadKind> workloadKind = new SimpleObjectProperty<>(WorkloadKind.COMPOSED);
    public final ObservableList<FunctionRowModel> functions = FXCollections.observableArrayList();
    public final StringProperty traceCsv = new SimpleStringProperty("");
    public final StringProperty functionsCsv = new SimpleStringProperty("");
    public final StringProperty azure2019Dir = new SimpleStringProperty("");
    public final StringProperty azure2019Day = new SimpleStringProperty("1");
    public final StringProperty azure2019StartMinute = new SimpleStringProperty("0");
    public final StringProperty azure2019Minutes = new SimpleStringProperty("10");
    public final StringProperty azure2021File = new SimpleStringProperty("");
    public final StringProperty azure2021StartS = new SimpleStringProperty("0");
    public final StringProperty azureFunctions = new SimpleStringProperty("24");
    public final StringProperty azureLikeLoad = new SimpleStringProperty("0.75");
    public final StringProperty azureLikeSigma = new SimpleStringProperty("2");

    public final StringProperty gpu = new SimpleStringProperty(DevicesSpec.DEFAULT_GPU);
    public final StringProperty gpuCount = new SimpleStringProperty("1");
    public final BooleanProperty mps = new SimpleBooleanProperty(false);
    public final StringProperty mpsPct = new SimpleStringProperty("");
    public final BooleanProperty mig = new SimpleBooleanProperty(false);
    public final StringProperty migProfile = new SimpleStringProperty("");
    public final ObservableList<String> migProfiles = FXCollections.observableArrayList();
    public final StringProperty cpuCores = new SimpleStringProperty("0");

    public final StringProperty policy = new SimpleStringProperty("mqfq-sticky");
    public final StringProperty policyDescription = new SimpleStringProperty("");
    /** what the chosen policy does with this workload when that is not what its name says (EDF without SLOs is FCFS) */
    public final StringProperty policyNote = new SimpleStringProperty("");
    /** whether the last planned workload had any SLO (null: not planned yet) */
    private Boolean plannedSlos;

    public final StringProperty admission = new SimpleStringProperty("admit-all");
    public final StringProperty placement = new SimpleStringProperty("gpu-only");
    public final ObservableList<ParamField> params = FXCollections.observableArrayList();
    public final StringProperty backend = new SimpleStringProperty("sim");
    /** the loaded experiment's Docker settings, kept as they are (the window has no editor for them) */
    private DockerSpec dockerSettings;

    /** What is wrong with the experiment as a whole (one line naming the field), empty when it plans. */
    public final StringProperty problem = new SimpleStringProperty("");
    /** Notes from planning (parameters ignored and why). */
    public final StringProperty notes = new SimpleStringProperty("");

    private Path baseDir;
    private boolean loading;
    /** the experiment as last opened, chosen as a preset or saved: what "unsaved edits" are measured against */
    private ExperimentSpec saved;
    /** where the experiment came from: the preset's name or the file's, for the saved description */
    private String origin = "";
    /** each text field with a check of its own: its problem, shown beside it as it is typed */
    private final Map<StringProperty, StringProperty> fieldProblems = new IdentityHashMap<>();

    private String profileFile;
    private final Map<String, String> extraParams = new LinkedHashMap<>();

    public ExperimentViewModel(RunPlanner planner, List<BackendOption> backends) {
        this.planner = planner;
        this.backends = List.copyOf(backends);
        policy.addListener((o, a, b) -> {
            rebuildParams(!loading);
            refreshPolicyNote();
        });
        functions.addListener((ListChangeListener<FunctionRowModel>) c -> refreshPolicyNote());
        workloadKind.addListener((o, a, b) -> refreshPolicyNote());
        placement.addListener((o, a, b) -> rebuildParams(!loading));
        admission.addListener((o, a, b) -> rebuildParams(!loading));
        gpu.addListener((o, a, b) -> refreshMigProfiles());
        rebuildParams(false);
        refreshMigProfiles();
        check(gpuCount, GPUS, true, false);
        check(cpuCores, CPU_CORES, true, false);
        check(mpsPct, MPS_PCT, true, true);
        check(seed, SEED, true, false);
        check(durationS, DURATION, false, true);
    }

    /** Policies that order by deadlines (an invocation's arrival plus its function's slo_ms). */
    static final List<String> SLO_POLICIES = List.of("edf", "lsf", "edf-warm", "cost-aware");

    /** Says when the chosen policy orders by deadlines but the workload has none. */
    void refreshPolicyNote() {
        String p = policy.get() == null ? "" : lower(policy.get());
        Boolean slos = workloadKind.get() == WorkloadKind.COMPOSED ? Boolean.valueOf(composedHasSlo()) : plannedSlos;
        if (!SLO_POLICIES.contains(p) || slos == null || slos) {
            policyNote.set("");
            return;
        }
        policyNote.set("No function of this workload has an SLO (slo_ms): with no deadlines to order by, " + p
                + " runs invocations in arrival order, as fcfs does. Give functions an slo_ms to see it differ.");
    }

    private boolean composedHasSlo() {
        for (FunctionRowModel r : functions) {
            try {
                Double slo = r.toEntry().sloMs();
                if (slo != null && slo > 0) return true;
            } catch (RuntimeException e) {
                // a row with a problem: planning names it
            }
        }
        return false;
    }

    /** Checks {@code p} on every change: a whole number (or a positive number), optionally blank. */
    private void check(StringProperty p, String label, boolean whole, boolean blankOk) {
        StringProperty problem = new SimpleStringProperty("");
        fieldProblems.put(p, problem);
        Runnable run = () -> {
            String t = p.get() == null ? "" : p.get().trim();
            if (t.isEmpty() && blankOk) {
                problem.set("");
                return;
            }
            try {
                if (whole) whole(t, label);
                else positive(t, label);
                problem.set("");
            } catch (FieldProblem e) {
                problem.set(label + ": " + e.getMessage());
            }
        };
        p.addListener((o, a, b) -> run.run());
        run.run();
    }

    /** The problem of a text field checked on its own (GPUs, CPU cores, MPS thread %, seed, duration), or null. */
    public StringProperty problemOf(StringProperty field) {
        return fieldProblems.get(field);
    }

    // ------------------------------------------------------------------ choices

    public static List<String> presetNames() {
        return Presets.names();
    }

    public static List<String> policyNames() {
        List<String> n = new ArrayList<>();
        for (var d : PolicyRegistry.all()) n.add(d.name());
        return n;
    }

    public static List<String> placementNames() {
        List<String> n = new ArrayList<>();
        PlacementRegistry.all().forEach(d -> n.add(d.name()));
        return n;
    }

    public static List<String> admissionNames() {
        List<String> n = new ArrayList<>();
        AdmissionRegistry.all().forEach(d -> n.add(d.name()));
        return n;
    }

    public static List<String> gpuProfiles() {
        return DeviceProfiles.builtIn();
    }

    public static List<String> catalogFunctions() {
        return BenchmarkCatalog.get().names();
    }

    public List<BackendOption> backends() {
        return backends;
    }

    public Path baseDir() {
        return baseDir;
    }

    // ------------------------------------------------------------------ loading

    public void loadPreset(String presetName) {
        ExperimentSpec spec = Presets.spec(presetName);
        load(spec, null);
        preset.set(spec.name());
        markSaved("preset " + spec.name());
    }

    /** The experiment in the panel now counts as saved (opened, chosen or written); {@code from} names where it is. */
    private void markSaved(String from) {
        origin = from;
        try {
            saved = buildSpec();
        } catch (RuntimeException e) {
            saved = null;
        }
    }

    /** Whether the panel holds edits made since the experiment was opened, chosen as a preset or saved. */
    public boolean hasUnsavedEdits() {
        if (saved == null) return false;
        try {
            return !changes(saved, buildSpec(), "").isEmpty();
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Where the experiment came from ("preset teaching-3", "file x.json"), empty when composed from scratch. */
    public String origin() {
        return origin;
    }

    /**
     * The panel's edits that {@code running} does not have, one phrase each ("policy fcfs (the run:
     * mqfq-sticky)"); empty when the panel holds that experiment. An edit with a problem is one
     * phrase naming it.
     */
    public List<String> changesFrom(ExperimentSpec running) {
        if (running == null) return List.of();
        try {
            return changes(running, buildSpec(), "the run");
        } catch (FieldProblem e) {
            return List.of("an edit with a problem (" + e.field() + ": " + e.getMessage() + ")");
        } catch (RuntimeException e) {
            return List.of("an edit with a problem (" + e.getMessage() + ")");
        }
    }

    /** What differs between {@code was} and {@code now}, written as {@code now}'s values with {@code was}'s in brackets. */
    List<String> changes(ExperimentSpec was, ExperimentSpec now, String wasName) {
        List<String> out = new ArrayList<>();
        String in = wasName.isEmpty() ? "was " : wasName + ": ";
        if (!now.policy().equalsIgnoreCase(was.policy()))
            out.add("policy " + now.policy() + " (" + in + was.policy() + ")");
        if (!now.admission().equalsIgnoreCase(was.admission()))
            out.add("admission " + now.admission() + " (" + in + was.admission() + ")");
        if (!now.placement().equalsIgnoreCase(was.placement()))
            out.add("placement " + now.placement() + " (" + in + was.placement() + ")");
        if (!now.devices().equals(was.devices()))
            out.add("devices " + devices(now.devices()) + " (" + in + devices(was.devices()) + ")");
        String params = paramChanges(was, now, in);
        if (!params.isEmpty()) out.add(params);
        if (!now.workload().equals(was.workload())) out.add("the workload");
        if (!Objects.equals(now.seed(), was.seed())) out.add("seed " + now.seed() + " (" + in + was.seed() + ")");
        if (!Objects.equals(now.durationS(), was.durationS())) {
            out.add("duration " + duration(now.durationS()) + " (" + in + duration(was.durationS()) + ")");
        }
        if (!now.backend().equalsIgnoreCase(was.backend()))
            out.add("backend " + now.backend() + " (" + in + was.backend() + ")");
        return out;
    }

    /** "2 × a30 with MIG 1g.6gb, 8 CPU cores". */
    static String devices(DevicesSpec d) {
        StringBuilder b = new StringBuilder();
        b.append(d.count())
                .append(" × ")
                .append(d.gpu() != null ? d.gpu() : Path.of(d.profileFile()).getFileName());
        if (d.mig() != null) b.append(" with MIG ").append(d.mig());
        if (d.mps()) b.append(" with MPS").append(d.mpsPct() == null ? "" : " " + d.mpsPct() + " %");
        if (d.cpuCores() > 0) b.append(", ").append(d.cpuCores()).append(" CPU cores");
        return b.toString();
    }

    /**
     * The parameters set differently in {@code now}: "parameters T=2 (the run: T=5)". Parameters that
     * a change of policy dropped (the new one does not declare them) are not listed: the policy is.
     */
    private String paramChanges(ExperimentSpec was, ExperimentSpec now, String in) {
        boolean samePolicy = now.policy().equalsIgnoreCase(was.policy());
        List<String> set = new ArrayList<>();
        List<String> before = new ArrayList<>();
        for (Map.Entry<String, String> e : now.params().entrySet()) {
            String old = was.params().get(e.getKey());
            if (e.getValue().equals(old)) continue;
            set.add(e.getKey() + "=" + e.getValue());
            before.add(e.getKey() + "=" + (old == null ? "default" : old));
        }
        if (samePolicy) {
            for (Map.Entry<String, String> e : was.params().entrySet()) {
                if (now.params().containsKey(e.getKey())) continue;
                ParamField f = field(e.getKey());
                if (f != null && (e.getValue().trim().equalsIgnoreCase(f.spec().defaultValue())))
                    continue; // the default, written out
                set.add(e.getKey() + "=default");
                before.add(e.getKey() + "=" + e.getValue());
            }
        }
        return set.isEmpty()
                ? ""
                : "parameters " + String.join(", ", set) + " (" + in + String.join(", ", before) + ")";
    }

    private static String duration(Double d) {
        return d == null ? "default" : FunctionRowModel.num(d) + " s";
    }

    /** Shows {@code spec}; relative paths in it resolve against {@code dir} (null: working directory). */
    public void load(ExperimentSpec spec, Path dir) {
        loading = true;
        try {
            show(spec, dir);
        } finally {
            loading = false;
        }
    }

    private void show(ExperimentSpec spec, Path dir) {
        baseDir = dir;
        preset.set("");
        name.set(spec.name());
        description.set(spec.description());
        seed.set(Long.toString(spec.seed()));
        durationS.set(spec.durationS() == null ? "" : FunctionRowModel.num(spec.durationS()));
        WorkloadSpec w = spec.workload();
        functions.clear();
        if (w instanceof WorkloadSpec.Generated g) {
            workloadKind.set(WorkloadKind.COMPOSED);
            for (FunctionEntry e : g.functions()) functions.add(FunctionRowModel.of(e));
        } else if (w instanceof WorkloadSpec.Trace t) {
            workloadKind.set(WorkloadKind.TRACE);
            traceCsv.set(absolute(t.traceCsv()));
            functionsCsv.set(absolute(t.functionsCsv()));
        } else if (w instanceof WorkloadSpec.Azure2019(Azure2019Spec a)) {
            workloadKind.set(WorkloadKind.AZURE_2019);
            azure2019Dir.set(absolute(a.dir()));
            azure2019Day.set(Integer.toString(a.day()));
            azureFunctions.set(Integer.toString(a.functions()));
            azure2019StartMinute.set(Integer.toString(a.startMinute()));
            azure2019Minutes.set(Integer.toString(a.minutes()));
        } else if (w instanceof WorkloadSpec.Azure2021(Azure2021Spec a)) {
            workloadKind.set(WorkloadKind.AZURE_2021);
            azure2021File.set(absolute(a.file()));
            azureFunctions.set(Integer.toString(a.functions()));
            azure2021StartS.set(FunctionRowModel.num(a.startS()));
        } else if (w instanceof WorkloadSpec.AzureLike(AzureLikeSpec a)) {
            workloadKind.set(WorkloadKind.AZURE_LIKE);
            azureFunctions.set(Integer.toString(a.functions()));
            azureLikeLoad.set(FunctionRowModel.num(a.offeredLoad()));
            azureLikeSigma.set(FunctionRowModel.num(a.sigma()));
        }
        DevicesSpec d = spec.devices();
        profileFile = d.profileFile() == null ? null : absolute(d.profileFile());
        gpu.set(d.gpu() == null ? DevicesSpec.DEFAULT_GPU : d.gpu());
        gpuCount.set(Integer.toString(d.count()));
        mps.set(d.mps());
        mpsPct.set(d.mpsPct() == null ? "" : Integer.toString(d.mpsPct()));
        mig.set(d.mig() != null);
        migProfile.set(d.mig() == null ? (migProfiles.isEmpty() ? "" : migProfiles.get(0)) : d.mig());
        cpuCores.set(Integer.toString(d.cpuCores()));
        backend.set(spec.backend());
        dockerSettings = spec.docker();
        admission.set(spec.admission());
        placement.set(spec.placement());
        policy.set(PolicyRegistry.find(spec.policy(), "experiment").name());
        rebuildParams(false);
        extraParams.clear();
        for (Map.Entry<String, String> e : spec.params().entrySet()) {
            ParamField f = field(e.getKey());
            if (f != null) f.setExplicit(e.getValue());
            else if (e.getKey().equalsIgnoreCase("mps_pct")
                    && d.mps()
                    && mpsPct.get().isEmpty()) mpsPct.set(e.getValue());
            else extraParams.put(e.getKey(), e.getValue());
        }
        problem.set("");
        notes.set("");
    }

    private String absolute(String path) {
        if (path == null) return "";
        Path p = Path.of(path);
        return (baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p))
                .toAbsolutePath()
                .normalize()
                .toString();
    }

    /** Reads an experiment file (the command line's JSON); a problem goes into {@link #problem} and leaves the panel as it was. */
    public boolean loadFile(Path file) {
        try {
            ExperimentSpec spec = ExperimentJson.read(Files.readAllBytes(file), file.toString());
            load(spec, file.toAbsolutePath().getParent());
            markSaved("file " + file.getFileName());
            return true;
        } catch (BadInputException e) {
            problem.set(e.getMessage());
        } catch (IOException e) {
            problem.set(file + ": cannot read: " + e.getMessage());
        }
        return false;
    }

    /** Writes the experiment as JSON; false (with {@link #problem} set) when it is not valid or cannot be written. */
    public boolean saveFile(Path file) {
        ExperimentSpec spec = specOrProblem();
        if (spec == null) return false;
        spec = withSavedDescription(spec);
        try {
            Files.writeString(file, ExperimentJson.write(spec), StandardCharsets.UTF_8);
            description.set(spec.description());
            markSaved("file " + file.getFileName());
            return true;
        } catch (IOException e) {
            problem.set(file + ": cannot write: " + e.getMessage());
            return false;
        }
    }

    /**
     * {@code spec} with a description that says what was edited since it was opened or chosen: the
     * preset's own description speaks of its devices and policy ("on one a30"), which may no longer
     * be those of the experiment.
     */
    ExperimentSpec withSavedDescription(ExperimentSpec spec) {
        if (saved == null) return spec;
        List<String> edits = changes(saved, spec, "");
        edits.removeIf(e -> e.startsWith("seed"));
        if (edits.isEmpty()) return spec;
        String base = spec.description() == null ? "" : spec.description();
        String note = "Edited from " + origin + ": " + String.join("; ", edits) + ".";
        return spec.withName(spec.name(), base.isBlank() ? note : base.strip() + " " + note);
    }

    // ------------------------------------------------------------------ composing

    public FunctionRowModel addFunction(String catalogName) {
        String base = BenchmarkCatalog.get().function(catalogName).name();
        String n = base;
        int i = 2;
        while (hasFunction(n)) n = base + "-" + i++;
        FunctionRowModel r = FunctionRowModel.ofCatalog(n, base, 0.1);
        functions.add(r);
        preset.set("");
        return r;
    }

    private boolean hasFunction(String n) {
        for (FunctionRowModel r : functions) if (n.equals(r.name.get())) return true;
        return false;
    }

    public void removeFunction(FunctionRowModel r) {
        functions.remove(r);
        preset.set("");
    }

    /** Sets {@code row}'s arrivals to the inter-arrival times of its function in {@code trace}. */
    public boolean setTraceArrivals(FunctionRowModel row, Path trace) {
        try {
            List<Double> gaps = TraceIats.read(trace, row.name.get());
            row.iatMs.set(gaps);
            row.iatSource.set(gaps.size() + " gaps from " + trace.getFileName());
            row.arrival.set(ArrivalKind.TRACE);
            double mean =
                    gaps.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            if (mean > 0) row.ratePerS.set(FunctionRowModel.num(Math.round(1000.0 / mean * 1e4) / 1e4));
            row.validate();
            problem.set("");
            return true;
        } catch (BadInputException e) {
            row.problem.set(e.getMessage());
            problem.set(e.getMessage());
            return false;
        }
    }

    /**
     * Takes dropped or chosen files: an experiment is loaded; a trace and a functions file make an
     * Ilúvatar workload (either may come first); an Azure 2019 file or folder, or the Azure 2021
     * trace, makes an Azure workload. Returns false with {@link #problem} set when a file is not usable.
     */
    public boolean importFiles(List<Path> files) {
        try {
            for (Path f : files) {
                switch (InputFileKind.detect(f)) {
                    case EXPERIMENT -> {
                        if (!loadFile(f)) return false;
                    }
                    case TRACE_CSV -> {
                        workloadKind.set(WorkloadKind.TRACE);
                        traceCsv.set(f.toAbsolutePath().toString());
                    }
                    case FUNCTIONS_CSV -> {
                        workloadKind.set(WorkloadKind.TRACE);
                        functionsCsv.set(f.toAbsolutePath().toString());
                    }
                    case AZURE_2019 -> {
                        workloadKind.set(WorkloadKind.AZURE_2019);
                        Path dir = Files.isDirectory(f) ? f : f.toAbsolutePath().getParent();
                        azure2019Dir.set(dir.toAbsolutePath().toString());
                        azure2019Day.set(Integer.toString(Math.max(1, InputFileKind.azure2019Day(f))));
                    }
                    case AZURE_2021 -> {
                        workloadKind.set(WorkloadKind.AZURE_2021);
                        azure2021File.set(f.toAbsolutePath().toString());
                    }
                }
            }
            preset.set("");
            problem.set(
                    workloadKind.get() == WorkloadKind.TRACE
                                    && (traceCsv.get().isBlank()
                                            || functionsCsv.get().isBlank())
                            ? (traceCsv.get().isBlank()
                                    ? "add the trace CSV (func_name,invoke_time_ms) for these functions"
                                    : "add the functions CSV (func_name,cold_dur_ms,warm_dur_ms,mem_mb) for this trace")
                            : "");
            return true;
        } catch (BadInputException e) {
            problem.set(e.getMessage());
            return false;
        }
    }

    // ------------------------------------------------------------------ parameters

    /** The field answering to {@code key} (name or alias), or null. */
    public ParamField field(String key) {
        for (ParamField f : params) if (f.spec().answersTo(key)) return f;
        return null;
    }

    private void rebuildParams(boolean keepValues) {
        Entry<PolicyFactory> pol;
        try {
            pol = PolicyRegistry.find(policy.get(), "policy");
        } catch (BadInputException e) {
            problem.set(e.getMessage());
            return;
        }
        policyDescription.set(pol.description());
        Map<String, String> keep = new LinkedHashMap<>();
        Map<String, Boolean> wasExplicit = new LinkedHashMap<>();
        for (ParamField f : params) {
            keep.put(f.name(), f.text.get());
            wasExplicit.put(f.name(), f.included());
        }
        List<ParamField> fresh = new ArrayList<>();
        addFields(fresh, pol.params(), "policy");
        try {
            addFields(
                    fresh, PlacementRegistry.find(placement.get(), "placement").params(), "placement");
            addFields(
                    fresh, AdmissionRegistry.find(admission.get(), "admission").params(), "admission");
        } catch (BadInputException e) {
            problem.set(e.getMessage());
        }
        addFields(fresh, EngineParams.SPECS, "device");
        for (ParamField f : fresh) {
            String v = keep.get(f.name());
            if (keepValues && v != null && Boolean.TRUE.equals(wasExplicit.get(f.name()))) f.setExplicit(v);
        }
        params.setAll(fresh);
    }

    private static void addFields(List<ParamField> into, List<ParamSpec> specs, String owner) {
        for (ParamSpec s : specs) {
            if (HIDDEN_PARAMS.contains(s.name())) continue;
            boolean dup = false;
            for (ParamField f : into) dup |= f.name().equals(s.name());
            if (!dup) into.add(new ParamField(s, owner));
        }
    }

    private void refreshMigProfiles() {
        List<String> names = new ArrayList<>();
        try {
            DeviceProfile p = DeviceProfiles.load(gpu.get(), baseDir);
            for (MigProfile m : p.migProfiles()) names.add(m.name());
        } catch (RuntimeException e) {
            // a profile file that does not load: no MIG choices; planning names the problem
        }
        migProfiles.setAll(names);
        if (!names.contains(migProfile.get())) migProfile.set(names.isEmpty() ? "" : names.get(0));
    }

    // ------------------------------------------------------------------ building and planning

    /** The experiment as the command line's spec; a BadInputException names the field at fault. */
    public ExperimentSpec toSpec() {
        try {
            return buildSpec();
        } catch (FieldProblem e) {
            throw new BadInputException("experiment", 0, e.field(), e.getMessage());
        }
    }

    private ExperimentSpec buildSpec() {
        for (ParamField f : params) {
            if (!f.valid())
                throw new FieldProblem("params." + f.name(), f.error().get().replaceFirst("^" + f.name() + ": ", ""));
        }
        BackendOption b = backendOption(backend.get());
        if (b == null || !b.available()) {
            throw new FieldProblem(
                    "backend",
                    "'" + backend.get() + "' is not available: " + (b == null ? "unknown backend" : b.reason()));
        }
        Map<String, String> p = new LinkedHashMap<>(extraParams);
        for (ParamField f : params)
            if (f.included()) p.put(f.name(), f.text.get().trim());
        Integer pct = null;
        if (mps.get() && !mpsPct.get().isBlank()) pct = (int) whole(mpsPct.get(), MPS_PCT);
        DevicesSpec devices = new DevicesSpec(
                profileFile != null ? null : gpu.get(),
                (int) whole(gpuCount.get(), GPUS),
                mig.get() && !migProfile.get().isBlank() ? migProfile.get() : null,
                mps.get(),
                pct,
                (int) whole(cpuCores.get(), CPU_CORES),
                profileFile);
        Double duration =
                durationS.get() == null || durationS.get().isBlank() ? null : positive(durationS.get(), DURATION);
        return new ExperimentSpec(
                name.get(),
                description.get(),
                whole(seed.get(), SEED),
                duration,
                workload(),
                devices,
                policy.get(),
                admission.get(),
                placement.get(),
                p,
                backend.get(),
                dockerSettings);
    }

    private WorkloadSpec workload() {
        return switch (workloadKind.get()) {
            case COMPOSED -> {
                if (functions.isEmpty()) throw new FieldProblem("workload.functions", "add at least one function");
                List<FunctionEntry> entries = new ArrayList<>();
                for (int i = 0; i < functions.size(); i++) {
                    FunctionRowModel r = functions.get(i);
                    try {
                        entries.add(r.toEntry());
                        r.problem.set("");
                    } catch (FieldProblem e) {
                        r.problem.set(FunctionRowModel.describe(e));
                        throw new FieldProblem(
                                "functions[" + i + "] (" + r.name.get() + ")." + e.field(), e.getMessage());
                    }
                }
                yield WorkloadSpec.of(entries);
            }
            case TRACE -> {
                if (traceCsv.get().isBlank())
                    throw new FieldProblem("workload.trace_csv", "choose the trace CSV (func_name,invoke_time_ms)");
                if (functionsCsv.get().isBlank()) {
                    throw new FieldProblem(
                            "workload.functions_csv",
                            "choose the functions CSV (func_name,cold_dur_ms,warm_dur_ms,mem_mb)");
                }
                yield new WorkloadSpec.Trace(functionsCsv.get(), traceCsv.get());
            }
            case AZURE_2019 -> {
                if (azure2019Dir.get().isBlank())
                    throw new FieldProblem("workload.azure2019.dir", "choose the dataset's folder");
                yield new WorkloadSpec.Azure2019(new Azure2019Spec(
                        azure2019Dir.get(),
                        (int) whole(azure2019Day.get(), "azure2019.day"),
                        (int) whole(azureFunctions.get(), "azure2019.functions"),
                        null,
                        (int) whole(azure2019StartMinute.get(), "azure2019.start_minute"),
                        (int) whole(azure2019Minutes.get(), "azure2019.minutes"),
                        null,
                        null));
            }
            case AZURE_2021 -> {
                if (azure2021File.get().isBlank())
                    throw new FieldProblem("workload.azure2021.file", "choose the trace file");
                yield new WorkloadSpec.Azure2021(new Azure2021Spec(
                        azure2021File.get(),
                        (int) whole(azureFunctions.get(), "azure2021.functions"),
                        null,
                        nonNegative(azure2021StartS.get(), "azure2021.start_s"),
                        null));
            }
            case AZURE_LIKE ->
                new WorkloadSpec.AzureLike(new AzureLikeSpec(
                        (int) whole(azureFunctions.get(), "azure_like.functions"),
                        positive(azureLikeLoad.get(), "azure_like.offered_load"),
                        nonNegative(azureLikeSigma.get(), "azure_like.sigma"),
                        null));
        };
    }

    private BackendOption backendOption(String n) {
        for (BackendOption o : backends) if (o.name().equalsIgnoreCase(n)) return o;
        return null;
    }

    /** The spec, or null with {@link #problem} set. */
    public ExperimentSpec specOrProblem() {
        try {
            ExperimentSpec s = toSpec();
            problem.set("");
            return s;
        } catch (BadInputException e) {
            problem.set(e.getMessage());
            return null;
        }
    }

    /** Resolves the experiment for running; null with {@link #problem} set when it cannot run. */
    public RunPlan plan() {
        ExperimentSpec s = specOrProblem();
        if (s == null) return null;
        return plan(s);
    }

    /** Resolves {@code s} (this experiment with, e.g., another policy); null with {@link #problem} set. */
    public RunPlan plan(ExperimentSpec s) {
        try {
            RunPlan p = planner.plan(s, baseDir);
            problem.set("");
            notes.set(String.join("; ", p.notes()));
            plannedSlos = p.workload().functions().stream().anyMatch(f -> !Double.isNaN(f.sloMs()));
            refreshPolicyNote();
            return p;
        } catch (BadInputException e) {
            problem.set(e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            problem.set("experiment: " + e.getMessage());
        }
        return null;
    }

    private static long whole(String text, String field) {
        String t = text == null ? "" : text.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new FieldProblem(field, "'" + t + "' is not a whole number");
        }
    }

    private static double positive(String text, String field) {
        double v = FunctionRowModel.number(text, field);
        if (!(v > 0)) throw new FieldProblem(field, "must be > 0, got " + text.trim());
        return v;
    }

    private static double nonNegative(String text, String field) {
        double v = FunctionRowModel.number(text, field);
        if (v < 0) throw new FieldProblem(field, "must be >= 0, got " + text.trim());
        return v;
    }

    /** A copy of {@code s} with another policy (for Compare). */
    public static ExperimentSpec withPolicy(ExperimentSpec s, String policyName) {
        return new ExperimentSpec(
                s.name(),
                s.description(),
                s.seed(),
                s.durationS(),
                s.workload(),
                s.devices(),
                policyName,
                s.admission(),
                s.placement(),
                s.params(),
                s.backend(),
                s.docker());
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
