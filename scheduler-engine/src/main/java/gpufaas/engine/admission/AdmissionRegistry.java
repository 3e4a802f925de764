package gpufaas.engine.admission;

import gpufaas.engine.model.Invocation;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.placement.Estimates;
import gpufaas.engine.placement.Target;
import gpufaas.engine.registry.Entry;
import gpufaas.engine.registry.Registry;
import java.util.List;
import java.util.Locale;

/** The explicit list of admission controls (reference: slo-and-kaas-policies §3). */
public final class AdmissionRegistry {
    private static final Registry<Admission.Factory> REGISTRY = new Registry<>(
            "admission control",
            "admission",
            List.of(
                    new Entry<>(
                            "admit-all",
                            List.of("none"),
                            "Admit every invocation (the baseline; an overloaded system queues without bound).",
                            List.of(),
                            p -> (inv, est) -> Verdict.ADMIT),
                    new Entry<>(
                            "feasible",
                            List.of(),
                            "At arrival, reject an invocation with an SLO if no device kind can finish it by its deadline given "
                                    + "the work queued and running ahead of it (est. finish = max(now, free_at) + start cost + service).",
                            List.of(),
                            p -> AdmissionRegistry::feasible),
                    new Entry<>(
                            "drop-late",
                            List.of("drop_late"),
                            "At dispatch, drop an invocation with an SLO that can no longer finish by its deadline even if it "
                                    + "started now (start cost + service).",
                            List.of(),
                            p -> new DropLate()),
                    new Entry<>(
                            "queue-cap",
                            List.of("queue_cap"),
                            "Reject at arrival while the queues hold max_queued invocations or more, or (when max_queued_work_s "
                                    + "> 0) at least that many seconds of estimated service.",
                            List.of(
                                    ParamSpec.ofInt(
                                            "max_queued",
                                            64,
                                            0,
                                            100_000_000,
                                            "reject while this many invocations are queued"),
                                    ParamSpec.ofDouble(
                                            "max_queued_work_s",
                                            0,
                                            0,
                                            1e9,
                                            "reject while the queued work is at least this many seconds (0: no work cap)")),
                            p -> queueCap(p.getInt("max_queued"), p.getDouble("max_queued_work_s"))),
                    new Entry<>(
                            "defer",
                            List.of(),
                            "Park loose-SLO invocations (no SLO, or an SLO of at least loose_slo_ms) while the GPUs are busier "
                                    + "than the low-water mark (share of GPU tokens held); release them, oldest first, when "
                                    + "occupancy falls to it. Tight-SLO invocations are admitted at once.",
                            List.of(
                                    ParamSpec.ofDouble(
                                            "low_water",
                                            50,
                                            0,
                                            100,
                                            "GPU token occupancy (percent) at or below which parked invocations enter"),
                                    ParamSpec.ofDouble(
                                            "loose_slo_ms", 10_000, 0, 1e12, "SLOs at least this long count as loose")),
                            p -> new Defer(p.getDouble("low_water") / 100.0, p.getDouble("loose_slo_ms")))));

    private AdmissionRegistry() {}

    /** Every admission control, in listing order. */
    public static List<Entry<Admission.Factory>> all() {
        return REGISTRY.all();
    }

    /** The admission control answering to {@code name} (a name or alias), or a BadInputException listing the known ones. */
    public static Entry<Admission.Factory> find(String name, String source) {
        return REGISTRY.find(name, source);
    }

    /** The registry itself (names, parameter look-up). */
    public static Registry<Admission.Factory> registry() {
        return REGISTRY;
    }

    private static Verdict feasible(Invocation inv, Estimates est) {
        if (inv.deadlineUs == Long.MAX_VALUE) return Verdict.ADMIT;
        long best = Long.MAX_VALUE;
        for (Target k : List.of(Target.GPU, Target.CPU)) if (est.has(k)) best = Math.min(best, est.finishUs(inv, k));
        if (best <= inv.deadlineUs) return Verdict.ADMIT;
        return Verdict.reject(String.format(
                Locale.ROOT,
                "infeasible: estimated finish %.1f ms after arrival exceeds the SLO of %.1f ms",
                best == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : (best - inv.arrivalUs) / 1000.0,
                inv.sloMs()));
    }

    private static Admission queueCap(int maxQueued, double maxWorkS) {
        return (inv, est) -> {
            int q = est.queued(Target.GPU) + est.queued(Target.CPU);
            if (q >= maxQueued)
                return Verdict.reject("queue cap: " + q + " invocations queued (cap " + maxQueued + ")");
            if (maxWorkS > 0) {
                double work = (est.queuedWorkMs(Target.GPU) + est.queuedWorkMs(Target.CPU)) / 1000.0;
                if (work >= maxWorkS) {
                    return Verdict.reject(String.format(
                            Locale.ROOT, "queue cap: %.1f s of work queued (cap %.1f s)", work, maxWorkS));
                }
            }
            return Verdict.ADMIT;
        };
    }

    /** drop-late: at dispatch, drop what cannot make its deadline any more. */
    private static final class DropLate implements Admission {
        @Override
        public Verdict onArrival(Invocation inv, Estimates est) {
            return Verdict.ADMIT;
        }

        @Override
        public String dropAtDispatch(Invocation inv, Target kind, Estimates est) {
            if (inv.deadlineUs == Long.MAX_VALUE) return null;
            long finish = est.finishIfStartedNowUs(inv, kind);
            if (finish <= inv.deadlineUs) return null;
            return String.format(
                    Locale.ROOT,
                    "late: would finish %.1f ms after arrival, SLO %.1f ms",
                    (finish - inv.arrivalUs) / 1000.0,
                    inv.sloMs());
        }
    }

    /** defer: loose-SLO invocations wait outside the queues while the GPUs are busy. */
    private record Defer(double lowWater, double looseSloMs) implements Admission {
        @Override
        public Verdict onArrival(Invocation inv, Estimates est) {
            boolean loose = inv.deadlineUs == Long.MAX_VALUE || inv.sloMs() >= looseSloMs;
            if (!loose || est.gpuOccupancy() <= lowWater) return Verdict.ADMIT;
            return Verdict.DEFER;
        }

        @Override
        public boolean releaseDeferred(Estimates est) {
            return est.gpuOccupancy() <= lowWater;
        }
    }
}
