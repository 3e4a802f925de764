package gpufaas.app;

import gpufaas.engine.admission.Admission;
import gpufaas.engine.admission.AdmissionRegistry;
import gpufaas.engine.device.Device;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.param.Params;
import gpufaas.engine.placement.Placement;
import gpufaas.engine.placement.PlacementRegistry;
import gpufaas.engine.policy.PolicyFactory;
import gpufaas.engine.policy.PolicyRegistry;
import gpufaas.engine.registry.Entry;
import gpufaas.engine.run.DeviceSet;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineParams;
import gpufaas.engine.run.GpuSetup;
import gpufaas.workload.experiment.DevicesSpec;
import gpufaas.workload.experiment.Experiment;
import gpufaas.workload.experiment.ExperimentLoader;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.InputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an input and the command line's overrides into a {@link RunSetup}: loads the workload and
 * the device profile, merges parameters ({@code --param} over the experiment's), resolves the
 * policy, admission and placement, and builds the device list. Errors name where the bad value
 * came from: the option, or the experiment file.
 */
final class Planner {
    /** The simulator's name (sweeps run on it). */
    static final String BACKEND = "sim";

    private Planner() {}

    static RunSetup plan(BaseInput base, Overrides o) {
        try {
            return planChecked(base, o);
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // a device profile, function or hardware value the engine's records refuse
            throw BadInputException.of(base.source(), e.getMessage());
        }
    }

    private static RunSetup planChecked(BaseInput base, Overrides o) {
        ExperimentSpec spec = o.apply(base.spec());
        String src = base.source();
        LiveBackend.checkName(
                spec.backend(), o.backend() != null ? "--backend" : src, o.backend() != null ? null : "backend");
        Entry<PolicyFactory> pol = PolicyRegistry.find(spec.policy(), o.policy() != null ? "--policy" : src);
        Entry<Admission.Factory> adm =
                AdmissionRegistry.find(spec.admission(), o.admission() != null ? "--admission" : src);
        Entry<Placement.Factory> pla =
                PlacementRegistry.find(spec.placement(), o.placement() != null ? "--placement" : src);
        Experiment exp = ExperimentLoader.resolve(spec, base.baseDir(), src);
        LiveBackend.checkFunctionNames(spec.docker(), exp.workload().functions(), src);

        List<String> notes = new ArrayList<>();
        Map<String, String> fromInput = new LinkedHashMap<>(spec.params());
        DevicesSpec d = spec.devices();
        if (d.mpsPct() != null && find(fromInput, "mps_pct") == null)
            fromInput.put("mps_pct", Integer.toString(d.mpsPct()));
        dropForeign(fromInput, pol, adm, pla, notes);
        GpuSetup hw = new GpuSetup(exp.device(), d.count(), d.mig(), d.mps(), d.cpuCores());
        long seed = spec.seed();
        EngineConfig cfg = EngineConfig.resolve(pol.name(), adm.name(), pla.name(), fromInput, hw, seed, src);
        if (!o.params().isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(fromInput);
            for (Map.Entry<String, String> e : o.params().entrySet()) {
                String same = find(merged, e.getKey());
                if (same != null) merged.remove(same);
                merged.put(e.getKey(), e.getValue());
            }
            cfg = EngineConfig.resolve(pol.name(), adm.name(), pla.name(), merged, hw, seed, "--param");
        }
        List<String> names = new ArrayList<>();
        for (Device dev : DeviceSet.build(cfg)) names.add(dev.name);
        List<InputFile> inputs = new ArrayList<>(base.inputs());
        for (InputFile f : exp.inputs()) if (!inputs.contains(f)) inputs.add(f);
        return new RunSetup(spec.name(), exp, cfg, names, inputs, notes);
    }

    /**
     * Removes the input's parameters that the chosen policy, admission and placement do not declare
     * but another registered one does (an experiment written for mqfq-sticky run with --policy fcfs
     * still runs), noting each. A key nobody declares stays, so the engine reports it.
     */
    private static void dropForeign(
            Map<String, String> params,
            Entry<PolicyFactory> pol,
            Entry<Admission.Factory> adm,
            Entry<Placement.Factory> pla,
            List<String> notes) {
        List<ParamSpec> mine = new ArrayList<>(pol.params());
        mine.addAll(adm.params());
        mine.addAll(pla.params());
        mine.addAll(EngineParams.SPECS);
        List<String> dropped = new ArrayList<>();
        for (String k : List.copyOf(params.keySet())) {
            if (Params.find(mine, k) != null || !declaredElsewhere(k)) continue;
            params.remove(k);
            dropped.add(k);
        }
        if (!dropped.isEmpty()) {
            notes.add((dropped.size() == 1 ? "parameter " : "parameters ") + String.join(", ", dropped)
                    + (dropped.size() == 1 ? " does" : " do") + " not apply to policy " + pol.name() + " (admission "
                    + adm.name() + ", placement " + pla.name() + ") and " + (dropped.size() == 1 ? "is" : "are")
                    + " ignored");
        }
    }

    private static boolean declaredElsewhere(String key) {
        return PolicyRegistry.registry().param(key) != null
                || AdmissionRegistry.registry().param(key) != null
                || PlacementRegistry.registry().param(key) != null;
    }

    /** The key of {@code m} naming the same parameter as {@code key} (same name or alias of one spec), or null. */
    private static String find(Map<String, String> m, String key) {
        ParamSpec spec = anySpec(key);
        for (String k : m.keySet()) {
            if (k.equalsIgnoreCase(key)) return k;
            if (spec != null && spec.answersTo(k)) return k;
        }
        return null;
    }

    private static ParamSpec anySpec(String key) {
        ParamSpec s = Params.find(EngineParams.SPECS, key);
        if (s != null) return s;
        if ((s = PolicyRegistry.registry().param(key)) != null) return s;
        if ((s = AdmissionRegistry.registry().param(key)) != null) return s;
        return PlacementRegistry.registry().param(key);
    }

    /** The default output folder of a run: runs/NAME-POLICY, with unsafe characters replaced. */
    static Path defaultOut(RunSetup s) {
        return Path.of("runs", sanitize(s.name() + "-" + s.config().policy().name()));
    }

    /** A file-name-safe form of {@code s}: letters, digits, '.', '_' and '-' kept, others '_'. */
    static String sanitize(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-')) b.append(c);
            else if (c == '=') b.append('-');
            else b.append('_');
        }
        String r = b.toString().replaceAll("^[.]+", "_");
        if (r.length() > 80) r = r.substring(0, 80);
        return r.isEmpty() ? "run" : r;
    }
}
