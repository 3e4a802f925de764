package gpufaas.engine.placement;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.param.ParamSpec;

import java.util.ArrayList;
import java.util.List;

/** The explicit list of placements. */
public final class PlacementRegistry {
    private static final List<PlacementDescriptor> ALL = List.of(
            new PlacementDescriptor("gpu-only", List.of("gpu"), "Every invocation runs on a GPU (the default).",
                    List.of(), (p, fns) -> inv -> Target.GPU),
            new PlacementDescriptor("cpu-only", List.of("cpu"),
                    "Every invocation runs on the CPU pool with the function's CPU timings (needs cpu_warm_ms for every "
                            + "function and --cpu-cores > 0).",
                    List.of(), (p, fns) -> {
                        for (FunctionSpec f : fns) {
                            if (!f.hasCpu()) throw BadInputException.of("--placement cpu-only",
                                    "function '" + f.name() + "' has no cpu_warm_ms");
                        }
                        return inv -> Target.CPU;
                    }),
            new PlacementDescriptor("speedup", List.of("hybrid"),
                    "Hybrid: functions whose GPU speedup (CPU warm time / GPU warm time) is at most the threshold run on "
                            + "the CPU pool, the others on GPUs. Functions without a CPU version always run on GPUs.",
                    List.of(ParamSpec.ofDouble("speedup_threshold", 3, 0, 1e9,
                            "functions with CPU warm / GPU warm at most this run on CPU", "threshold_speedup")),
                    (p, fns) -> {
                        double th = p.getDouble("speedup_threshold");
                        boolean[] cpu = new boolean[fns.size()];
                        for (FunctionSpec f : fns) cpu[f.id()] = f.hasCpu() && f.gpuSpeedup() <= th;
                        return inv -> cpu[inv.fn()] ? Target.CPU : Target.GPU;
                    }));

    private PlacementRegistry() { }

    public static List<PlacementDescriptor> all() { return ALL; }

    public static PlacementDescriptor find(String name, String source) {
        for (PlacementDescriptor d : ALL) if (d.answersTo(name)) return d;
        List<String> names = new ArrayList<>();
        for (PlacementDescriptor d : ALL) names.add(d.name());
        throw new BadInputException(source, 0, "placement", "unknown placement '" + name + "'; known: " + String.join(", ", names));
    }
}
