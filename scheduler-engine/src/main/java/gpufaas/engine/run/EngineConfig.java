package gpufaas.engine.run;

import gpufaas.engine.admission.Admission;
import gpufaas.engine.admission.AdmissionRegistry;
import gpufaas.engine.device.ExecutionModel;
import gpufaas.engine.device.MemoryMode;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.param.Params;
import gpufaas.engine.placement.Placement;
import gpufaas.engine.placement.PlacementRegistry;
import gpufaas.engine.policy.PolicyFactory;
import gpufaas.engine.policy.PolicyRegistry;
import gpufaas.engine.registry.Entry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A fully resolved and validated engine configuration. */
public record EngineConfig(
        Entry<PolicyFactory> policy,
        Params policyParams,
        Entry<Admission.Factory> admission,
        Params admissionParams,
        Entry<Placement.Factory> placement,
        Params placementParams,
        Params engineParams,
        GpuSetup hardware,
        long seed) {

    /**
     * Resolves names and raw {@code KEY=VALUE} parameters. Each key goes to whichever of the policy,
     * the placement, the admission control or the device-level knobs declares it (names or aliases).
     * @param source what to name in errors, e.g. "--param" or an experiment file
     */
    public static EngineConfig resolve(
            String policyName,
            String admissionName,
            String placementName,
            Map<String, String> raw,
            GpuSetup hardware,
            long seed,
            String source) {
        Entry<PolicyFactory> pol = PolicyRegistry.find(policyName, source);
        Entry<Admission.Factory> adm =
                AdmissionRegistry.find(admissionName == null ? "admit-all" : admissionName, source);
        Entry<Placement.Factory> pla =
                PlacementRegistry.find(placementName == null ? "gpu-only" : placementName, source);
        Map<String, String> forPolicy = new LinkedHashMap<>();
        Map<String, String> forAdm = new LinkedHashMap<>();
        Map<String, String> forPla = new LinkedHashMap<>();
        Map<String, String> forEngine = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            String k = e.getKey();
            if (Params.find(pol.params(), k) != null) forPolicy.put(k, e.getValue());
            else if (Params.find(pla.params(), k) != null) forPla.put(k, e.getValue());
            else if (Params.find(adm.params(), k) != null) forAdm.put(k, e.getValue());
            else if (Params.find(EngineParams.SPECS, k) != null) forEngine.put(k, e.getValue());
            else {
                Set<String> known = new LinkedHashSet<>();
                for (List<ParamSpec> l : List.of(pol.params(), pla.params(), adm.params(), EngineParams.SPECS)) {
                    for (ParamSpec p : l) known.add(p.name());
                }
                throw new BadInputException(
                        source,
                        0,
                        k,
                        "unknown parameter for policy " + pol.name() + " (placement " + pla.name() + ", admission "
                                + adm.name() + "); known: " + String.join(", ", known));
            }
        }
        return new EngineConfig(
                pol,
                Params.resolve(pol.params(), forPolicy, source),
                adm,
                Params.resolve(adm.params(), forAdm, source),
                pla,
                Params.resolve(pla.params(), forPla, source),
                Params.resolve(EngineParams.SPECS, forEngine, source),
                hardware,
                seed);
    }

    public int dMax() {
        return engineParams.getInt("D");
    }

    public double utilLimit() {
        return engineParams.getDouble("util");
    }

    public int pool() {
        return engineParams.getInt("pool");
    }

    /** The memory management of the run: the {@code memory} parameter, or the policy's own when it is {@code auto}. */
    public MemoryMode memoryMode() {
        String m = engineParams.getChoice("memory");
        return m.equals("auto") ? policy.factory().memory() : MemoryMode.parse(m);
    }

    /** The execution model of this configuration (docs/model.md). */
    public ExecutionModel executionModel() {
        return new ExecutionModel(
                engineParams.getDouble("cold_floor_ms"),
                engineParams.getDouble("kernel_load_ms"),
                engineParams.getDouble("gpu_activity"),
                memoryMode());
    }

    public double ewma() {
        return engineParams.getDouble("ewma");
    }

    /** MPS thread percentage per client: the parameter, or 100 / D when it is 0. */
    public double mpsThreadPct() {
        double p = engineParams.getDouble("mps_pct");
        return p > 0 ? p : 100.0 / dMax();
    }

    public double mpsFailureRate() {
        return engineParams.getDouble("mps_fail");
    }

    public long intervalUs() {
        return Math.round(engineParams.getDouble("interval") * 1e6);
    }

    /** Every parameter with its value, prefixed by its owner, for manifests. */
    public Map<String, String> allParams() {
        Map<String, String> m = new LinkedHashMap<>();
        policyParams.asStrings().forEach((k, v) -> m.put(k, v));
        placementParams.asStrings().forEach((k, v) -> m.put(k, v));
        admissionParams.asStrings().forEach((k, v) -> m.put(k, v));
        engineParams.asStrings().forEach((k, v) -> m.put(k, v));
        return m;
    }

    /** All parameter declarations that apply under this configuration (for listings and editors). */
    public List<ParamSpec> declared() {
        List<ParamSpec> l = new ArrayList<>(policy.params());
        l.addAll(placement.params());
        l.addAll(admission.params());
        l.addAll(EngineParams.SPECS);
        return l;
    }
}
