package gpufaas.engine.placement;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.registry.Entry;
import gpufaas.engine.registry.Registry;
import java.util.List;

/** The explicit list of CPU/GPU placements (reference: mqfq-sticky §7, slo-and-kaas-policies §4). */
public final class PlacementRegistry {
    private static final Registry<Placement.Factory> REGISTRY = new Registry<>(
            "placement",
            "placement",
            List.of(
                    new Entry<>(
                            "gpu-only",
                            List.of("gpu"),
                            "Every invocation runs on a GPU (the default).",
                            List.of(),
                            (p, fns) -> (inv, est) -> Target.GPU),
                    new Entry<>(
                            "cpu-only",
                            List.of("cpu"),
                            "Every invocation runs on the CPU pool with the function's CPU timings (needs cpu_warm_ms for every "
                                    + "function and --cpu-cores > 0).",
                            List.of(),
                            (p, fns) -> {
                                for (FunctionSpec f : fns) {
                                    if (!f.hasCpu())
                                        throw BadInputException.of(
                                                "--placement cpu-only",
                                                "function '" + f.name() + "' has no cpu_warm_ms");
                                }
                                return (inv, est) -> Target.CPU;
                            }),
                    new Entry<>(
                            "speedup",
                            List.of("hybrid"),
                            "Hybrid: functions whose GPU speedup (CPU warm time / GPU warm time) is at most the threshold run on "
                                    + "the CPU pool, the others on GPUs. Functions without a CPU version always run on GPUs.",
                            List.of(ParamSpec.ofDouble(
                                    "speedup_threshold",
                                    3,
                                    0,
                                    1e9,
                                    "functions with CPU warm / GPU warm at most this run on CPU",
                                    "threshold_speedup")),
                            (p, fns) -> {
                                double th = p.getDouble("speedup_threshold");
                                boolean[] cpu = new boolean[fns.size()];
                                for (FunctionSpec f : fns) cpu[f.id()] = f.hasCpu() && f.gpuSpeedup() <= th;
                                return (inv, est) -> cpu[inv.fn()] ? Target.CPU : Target.GPU;
                            }),
                    new Entry<>(
                            "gpu-first",
                            List.of("gpu_first"),
                            "GPU if it can finish the invocation by its deadline (estimated), else the CPU pool if that can, "
                                    + "else reject. Invocations without an SLO go to the GPU.",
                            List.of(),
                            (p, fns) -> new GpuFirst()),
                    new Entry<>(
                            "cost-first",
                            List.of("cost_first"),
                            "The cheapest device kind (estimated service x price per second) that can finish the invocation by "
                                    + "its deadline; when none can, the kind that finishes it first. Without an SLO: the cheapest.",
                            List.of(),
                            (p, fns) -> new CostFirst()),
                    new Entry<>(
                            "slack-split",
                            List.of("slack_split"),
                            "Slack (deadline - now - best estimated time to finish) above theta_ms sends the invocation to the CPU "
                                    + "pool, below it to a GPU. No SLO counts as unlimited slack. Functions without a CPU version "
                                    + "always go to a GPU.",
                            List.of(ParamSpec.ofDouble(
                                    "theta_ms", 1000, 0, 1e12, "slack above which an invocation runs on CPU", "theta")),
                            (p, fns) -> new SlackSplit(p.getDouble("theta_ms")))));

    private PlacementRegistry() {}

    /** Every placement, in listing order. */
    public static List<Entry<Placement.Factory>> all() {
        return REGISTRY.all();
    }

    /** The placement answering to {@code name} (a name or alias), or a BadInputException listing the known ones. */
    public static Entry<Placement.Factory> find(String name, String source) {
        return REGISTRY.find(name, source);
    }

    /** The registry itself (names, parameter look-up). */
    public static Registry<Placement.Factory> registry() {
        return REGISTRY;
    }

    private static boolean meets(Invocation inv, Estimates est, Target k) {
        return est.has(k) && est.finishUs(inv, k) <= inv.deadlineUs;
    }

    /** gpu-first. */
    private static final class GpuFirst implements Placement {
        @Override
        public Target place(Invocation inv, Estimates est) {
            if (!est.has(Target.GPU)) return Target.CPU;
            if (inv.deadlineUs == Long.MAX_VALUE || meets(inv, est, Target.GPU)) return Target.GPU;
            if (meets(inv, est, Target.CPU)) return Target.CPU;
            return Target.REJECT;
        }

        @Override
        public boolean dynamic() {
            return true;
        }
    }

    /** cost-first. */
    private static final class CostFirst implements Placement {
        @Override
        public Target place(Invocation inv, Estimates est) {
            Target best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (Target k : List.of(Target.GPU, Target.CPU)) {
                if (!est.has(k)) continue;
                double cost = est.serviceMs(inv.fn(), k) / 1000.0 * est.pricePerSecond(k);
                if (Double.isInfinite(cost) || Double.isNaN(cost)) continue;
                if (inv.deadlineUs != Long.MAX_VALUE && est.finishUs(inv, k) > inv.deadlineUs) continue;
                if (cost < bestCost) {
                    bestCost = cost;
                    best = k;
                }
            }
            if (best != null) return best;
            Target fastest = Target.GPU;
            long first = Long.MAX_VALUE;
            for (Target k : List.of(Target.GPU, Target.CPU)) {
                if (!est.has(k)) continue;
                long f = est.finishUs(inv, k);
                if (f < first) {
                    first = f;
                    fastest = k;
                }
            }
            return est.has(fastest) ? fastest : Target.CPU;
        }

        @Override
        public boolean dynamic() {
            return true;
        }
    }

    /** slack-split. */
    private record SlackSplit(double thetaMs) implements Placement {
        @Override
        public Target place(Invocation inv, Estimates est) {
            boolean cpuOk = est.has(Target.CPU) && inv.function.hasCpu();
            if (!est.has(Target.GPU)) return Target.CPU;
            if (!cpuOk) return Target.GPU;
            if (inv.deadlineUs == Long.MAX_VALUE) return Target.CPU;
            long best = Math.min(est.finishUs(inv, Target.GPU), est.finishUs(inv, Target.CPU));
            double slackMs = (inv.deadlineUs - best) / 1000.0;
            return slackMs > thetaMs ? Target.CPU : Target.GPU;
        }

        @Override
        public boolean dynamic() {
            return true;
        }
    }
}
