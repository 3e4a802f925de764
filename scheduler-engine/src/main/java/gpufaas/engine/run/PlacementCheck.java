package gpufaas.engine.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.device.ExecutionModel;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.placement.Placement;
import gpufaas.engine.placement.Target;
import java.util.List;

/** What a fixed placement implies before a run: that the server has the devices it sends functions to, and each function's time alone there. */
final class PlacementCheck {
    private PlacementCheck() {}

    /** Where each function runs under a fixed placement; null for placements that decide per invocation. */
    static Target[] fixedTargets(Placement placement, List<FunctionSpec> fns) {
        if (placement.dynamic()) return null;
        Target[] t = new Target[fns.size()];
        for (FunctionSpec f : fns) t[f.id()] = placement.place(new Invocation(-1, f, 0), null);
        return t;
    }

    /**
     * Each function's warm time alone on the kind of device it runs on (for slowdown and Jain's index);
     * {@code fixed}: {@link #fixedTargets}.
     */
    static double[] isolatedMs(Target[] fixed, List<FunctionSpec> fns, List<Device> gpus, ExecutionModel model) {
        double[] iso = new double[fns.size()];
        for (FunctionSpec f : fns) {
            boolean cpu = fixed != null ? fixed[f.id()] == Target.CPU : gpus.isEmpty();
            iso[f.id()] = cpu ? f.cpuWarmMs() : model.serviceMs(gpus.get(0), f);
        }
        return iso;
    }

    /** Throws when the placement sends functions to a kind of device the server lacks; {@code fixed}: {@link #fixedTargets}. */
    static void hardware(EngineConfig cfg, Target[] fixed, List<Device> gpus, List<Device> cpus) {
        if (fixed == null) {
            if (gpus.isEmpty() && cpus.isEmpty())
                throw BadInputException.of("--gpu", "the server has no GPUs and no CPU cores");
            return;
        }
        boolean anyCpu = false;
        boolean anyGpu = false;
        for (Target t : fixed) {
            if (t == Target.CPU) anyCpu = true;
            else anyGpu = true;
        }
        if (anyCpu && cpus.isEmpty()) {
            throw BadInputException.of(
                    "--cpu-cores",
                    "placement " + cfg.placement().name()
                            + " sends functions to the CPU pool, but it has no cores (set --cpu-cores N)");
        }
        if (anyGpu && gpus.isEmpty()) {
            throw BadInputException.of(
                    "--gpu", "placement " + cfg.placement().name() + " sends functions to GPUs, but there are none");
        }
    }
}
