package gpufaas.views.run;

import static gpufaas.views.decisions.DecisionExplainer.seconds;
import static gpufaas.views.decisions.DecisionExplainer.trim;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.policy.PolicyFactory;
import gpufaas.engine.registry.Entry;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.TimeSeriesSink;
import gpufaas.views.decisions.DecisionContext;
import gpufaas.views.decisions.DecisionRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A counterfactual for one decision: the run is deterministic, so it is played twice from time 0,
 * once as it was and once with that decision overridden (the next candidate flow, or another
 * device that could take the invocation then), and the two are compared: the invocation's own
 * end-to-end latency, the alternative's, and the mean over the invocations waiting at that moment
 * or arriving in the next {@code windowS} seconds. The difference of the means is the decision's
 * regret. Both runs stop once every invocation of the window has ended. Plain Java: the window runs
 * it off the FX thread.
 */
public final class WhatIf {
    private WhatIf() {}

    /** What to do instead: the next candidate flow, or another device (its index). */
    public record Alternative(boolean flow, int deviceIndex, String deviceName) {
        public static Alternative nextFlow() {
            return new Alternative(true, -1, "");
        }

        public static Alternative device(int index, String name) {
            return new Alternative(false, index, name);
        }

        /** "the next candidate flow", "device a30-1". */
        public String describe() {
            return flow ? "the next candidate flow" : "device " + deviceName;
        }
    }

    /**
     * The two runs compared. {@code reproduced}: the plain rerun took the decision as recorded (same
     * invocation, time and device); {@code applied}: the override could be made (another flow was
     * eligible, the other device could take it). Latencies in seconds, NaN when not completed.
     */
    public record Result(
            DecisionRecord decision,
            Alternative alternative,
            boolean reproduced,
            boolean applied,
            String note,
            long alternativeId,
            String alternativeFunction,
            double chosenBefore,
            double chosenAfter,
            double alternativeBefore,
            double alternativeAfter,
            int affected,
            int changed,
            double meanBefore,
            double meanAfter,
            double windowS) {
        /** mean after − mean before: negative when the alternative would have served the affected invocations faster. */
        public double delta() {
            return meanAfter - meanBefore;
        }

        /** What the decision taken cost against the alternative (seconds per affected invocation; negative: it was better). */
        public double regret() {
            return meanBefore - meanAfter;
        }

        /** The counterfactual in sentences. */
        public String describe() {
            DecisionRecord d = decision;
            StringBuilder b = new StringBuilder(String.format(
                    Locale.ROOT,
                    "What if, at %s s, %s had sent %s instead of " + "invocation #%d of %s to %s?%n",
                    seconds(d.timeUs()),
                    d.policy(),
                    alternative.flow()
                            ? "the next candidate flow"
                            : "#" + d.invocation() + " to " + alternative.deviceName(),
                    d.invocation(),
                    d.function(),
                    d.device()));
            if (!reproduced) {
                return b.append("The rerun from time 0 did not take this decision as recorded (")
                        .append(note)
                        .append("), so there is nothing to compare.")
                        .toString();
            }
            if (!applied)
                return b.append("No alternative: ").append(note).append('.').toString();
            b.append(String.format(
                    Locale.ROOT,
                    "%s #%d: end-to-end %s → %s.%n",
                    d.function(),
                    d.invocation(),
                    s(chosenBefore),
                    change(chosenBefore, chosenAfter)));
            if (alternativeId >= 0) {
                b.append(String.format(
                        Locale.ROOT,
                        "%s #%d (dispatched instead): %s → %s.%n",
                        alternativeFunction,
                        alternativeId,
                        s(alternativeBefore),
                        change(alternativeBefore, alternativeAfter)));
            }
            b.append(String.format(
                    Locale.ROOT,
                    "The %,d invocations waiting then or arriving in the next %s s: mean end-to-end %s → %s"
                            + " (%s); %,d of them changed.%n",
                    affected,
                    trim(windowS),
                    s(meanBefore),
                    s(meanAfter),
                    pct(meanBefore, meanAfter),
                    changed));
            double r = regret();
            if (Math.abs(r) < 5e-4) b.append("Regret: none: the alternative would have made no difference to them.");
            else if (r > 0)
                b.append(String.format(
                        Locale.ROOT, "Regret: %.3f s per invocation: the alternative would have been better.", r));
            else
                b.append(String.format(
                        Locale.ROOT, "Regret: none: the decision taken was better by %.3f s per invocation.", -r));
            return b.toString();
        }

        private static String s(double v) {
            return Double.isNaN(v) ? "not completed" : String.format(Locale.ROOT, "%.3f s", v);
        }

        private static String change(double a, double b) {
            if (Double.isNaN(b)) return "not completed";
            if (Double.isNaN(a)) return s(b);
            return String.format(Locale.ROOT, "%.3f s (%+.3f s)", b, b - a);
        }

        private static String pct(double a, double b) {
            if (!(a > 0)) return String.format(Locale.ROOT, "%+.3f s", b - a);
            return String.format(Locale.ROOT, "%+.3f s, %+.1f %%", b - a, (b - a) / a * 100);
        }
    }

    /** The alternatives a decision offers: the next candidate flow, and each other device that could take it then. */
    public static List<Alternative> alternatives(DecisionRecord d) {
        List<Alternative> out = new ArrayList<>();
        out.add(Alternative.nextFlow());
        for (DecisionContext.DeviceChoice c : d.context().otherDevices()) {
            if (c.couldTake()) out.add(Alternative.device(c.index(), c.name()));
        }
        return out;
    }

    /** Runs {@code plan} twice (as recorded, and with {@code d} overridden by {@code alt}) and compares them. */
    public static Result run(EngineFactory factory, RunPlan plan, DecisionRecord d, Alternative alt, double windowS) {
        long windowEnd = d.timeUs() + Math.round(windowS * 1e6);
        Track before = new Track(d.timeUs(), windowEnd);
        play(factory, plan.config(), plan, before, -1, null, windowEnd);
        Invocation x = before.invocations.get(d.invocation());
        String why = x == null
                ? "the invocation never arrived"
                : x.dispatchUs != d.timeUs()
                        ? String.format(Locale.ROOT, "it was dispatched at %s s", seconds(x.dispatchUs))
                        : x.device != d.context().deviceIndex() && d.context().deviceIndex() >= 0
                                ? "it went to another device"
                                : "";
        if (!why.isEmpty()) {
            return new Result(
                    d,
                    alt,
                    false,
                    false,
                    why,
                    -1,
                    "",
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    0,
                    0,
                    Double.NaN,
                    Double.NaN,
                    windowS);
        }
        List<WhatIfPolicy> policies = new ArrayList<>();
        EngineConfig cfg = plan.config();
        if (alt.flow()) {
            Entry<PolicyFactory> p = cfg.policy();
            PolicyFactory f = p.factory();
            Entry<PolicyFactory> overridden = new Entry<>(
                    p.name(),
                    p.aliases(),
                    p.description(),
                    p.params(),
                    new PolicyFactory(f.memory(), f.characteristics(), (ctx, params) -> {
                        WhatIfPolicy w = new WhatIfPolicy(f.create(ctx, params), d.invocation());
                        policies.add(w);
                        return w;
                    }));
            cfg = new EngineConfig(
                    overridden,
                    cfg.policyParams(),
                    cfg.admission(),
                    cfg.admissionParams(),
                    cfg.placement(),
                    cfg.placementParams(),
                    cfg.engineParams(),
                    cfg.hardware(),
                    cfg.seed());
        }
        Track after = new Track(d.timeUs(), windowEnd);
        play(factory, cfg, plan, after, d.invocation(), alt.flow() ? null : alt, windowEnd);
        Invocation xa = after.invocations.get(d.invocation());
        Invocation alternative = null;
        for (WhatIfPolicy w : policies) if (w.alternative() != null) alternative = w.alternative();
        boolean applied;
        String note = "";
        if (alt.flow()) {
            applied = alternative != null;
            if (!applied) note = "no invocation of another function was eligible at that moment";
        } else {
            applied = xa != null && xa.device == alt.deviceIndex();
            if (!applied) note = "device " + alt.deviceName() + " could not take it at that moment";
        }
        // the affected invocations: waiting at the decision or arriving within the window, in the run as recorded
        int affected = 0;
        int changed = 0;
        double sumBefore = 0;
        double sumAfter = 0;
        for (long id : before.affected) {
            double a = e2e(before.invocations.get(id));
            double b = e2e(after.invocations.get(id));
            if (Double.isNaN(a) || Double.isNaN(b)) continue;
            affected++;
            sumBefore += a;
            sumAfter += b;
            if (Math.abs(a - b) > 1e-6) changed++;
        }
        long altId = alternative == null ? -1 : alternative.id;
        String altFn = alternative == null ? "" : alternative.function.name();
        return new Result(
                d,
                alt,
                true,
                applied,
                note,
                altId,
                altFn,
                e2e(x),
                e2e(xa),
                altId < 0 ? Double.NaN : e2e(before.invocations.get(altId)),
                altId < 0 ? Double.NaN : e2e(after.invocations.get(altId)),
                affected,
                changed,
                affected == 0 ? Double.NaN : sumBefore / affected,
                affected == 0 ? Double.NaN : sumAfter / affected,
                windowS);
    }

    private static double e2e(Invocation i) {
        return i == null || i.outcome != Outcome.COMPLETED ? Double.NaN : i.e2eUs() / 1e6;
    }

    /** Plays until every invocation of the window has ended (or the run does). */
    private static void play(
            EngineFactory factory,
            EngineConfig cfg,
            RunPlan plan,
            Track t,
            long invocation,
            Alternative device,
            long windowEnd) {
        Engine e = factory.create(cfg, plan.workload(), t, TimeSeriesSink.NONE);
        if (device != null) e.forceDevice(invocation, device.deviceIndex());
        while (e.step()) {
            if (e.timeUs() > windowEnd && t.open.isEmpty()) break;
        }
    }

    /** Keeps the invocations of interest: those not dispatched before the decision, that arrive before the window ends. */
    private static final class Track implements EngineListener {
        final long decisionUs;
        final long windowEnd;
        final Map<Long, Invocation> invocations = new HashMap<>();
        final Set<Long> affected = new HashSet<>();
        final Set<Long> open = new HashSet<>();

        Track(long decisionUs, long windowEnd) {
            this.decisionUs = decisionUs;
            this.windowEnd = windowEnd;
        }

        @Override
        public void arrived(Invocation inv) {
            if (inv.arrivalUs > windowEnd) return;
            invocations.put(inv.id, inv);
            affected.add(inv.id);
            open.add(inv.id);
        }

        @Override
        public void dispatched(Invocation inv, Device d) {
            if (inv.dispatchUs < decisionUs) {
                affected.remove(inv.id);
                open.remove(inv.id);
            }
        }

        @Override
        public void finished(Invocation inv) {
            open.remove(inv.id);
        }
    }
}
