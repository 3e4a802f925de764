package gpufaas.views;

import gpufaas.backend.sim.Simulation;
import gpufaas.engine.device.Device;
import gpufaas.engine.param.Params;
import gpufaas.engine.policy.PolicyRegistry;
import gpufaas.engine.run.DeviceSet;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineParams;
import gpufaas.engine.run.GpuSetup;
import gpufaas.views.run.EngineFactory;
import gpufaas.views.run.RunPlan;
import gpufaas.views.run.RunPlanner;
import gpufaas.workload.experiment.DevicesSpec;
import gpufaas.workload.experiment.Experiment;
import gpufaas.workload.experiment.ExperimentLoader;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.Presets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A planner for the views' tests (the application's planner lives in app, which depends on views). */
public final class TestPlanner implements RunPlanner {
    public static final EngineFactory SIM = Simulation::engine;

    @Override
    public RunPlan plan(ExperimentSpec spec, Path baseDir) {
        Experiment exp = ExperimentLoader.resolve(spec, baseDir, "test");
        DevicesSpec d = spec.devices();
        Map<String, String> params = new LinkedHashMap<>(spec.params());
        // like the application's planner: parameters the chosen policy does not declare are ignored
        var declared =
                new ArrayList<>(PolicyRegistry.find(spec.policy(), "test").params());
        declared.addAll(EngineParams.SPECS);
        params.keySet().removeIf(k -> Params.find(declared, k) == null);
        if (d.mpsPct() != null) params.put("mps_pct", Integer.toString(d.mpsPct()));
        GpuSetup hw = new GpuSetup(exp.device(), d.count(), d.mig(), d.mps(), d.cpuCores());
        EngineConfig cfg = EngineConfig.resolve(
                spec.policy(), spec.admission(), spec.placement(), params, hw, spec.seed(), "test");
        List<String> names = new ArrayList<>();
        for (Device dev : DeviceSet.build(cfg)) names.add(dev.name);
        return new RunPlan(spec, baseDir, cfg, exp.workload(), names, List.of());
    }

    public static RunPlan preset(String name) {
        return new TestPlanner().plan(Presets.spec(name), null);
    }
}
