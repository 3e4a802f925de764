package gpufaas.views.decisions;

import gpufaas.engine.model.StartType;
import gpufaas.engine.policy.FlowState;
import java.util.List;
import java.util.Locale;

/** Writes a {@link DecisionRecord} out: a one-line summary for the table and a paragraph for teaching. */
public final class DecisionExplainer {
    private DecisionExplainer() {}

    /** "warm · S 12.90 ≤ V+T 17.30 · 1 throttled". */
    public static String summary(DecisionRecord r) {
        StringBuilder b = new StringBuilder(startLabel(r.startType()));
        if (r.hasTags()) {
            b.append(" · S ").append(num(r.startTag())).append(" ≤ V+T ").append(num(r.virtualTime() + r.overrun()));
        }
        if (!r.throttled().isEmpty())
            b.append(" · ").append(r.throttled().size()).append(" throttled");
        if (!r.backlogged().isEmpty())
            b.append(" · ").append(r.backlogged().size()).append(" backlogged");
        DecisionContext c = r.context();
        if (c.gateClosed())
            b.append(String.format(Locale.ROOT, " · gate %.0f %% > %.0f %%", c.gateEstimatePct(), c.gateLimitPct()));
        return b.toString();
    }

    public static String startLabel(StartType t) {
        return switch (t) {
            case WARM -> "warm";
            case GPU_COLD -> "GPU-cold (prefetch)";
            case COLD -> "cold start";
            case CPU -> "CPU";
        };
    }

    /** The decision in sentences. */
    public static String explain(DecisionRecord r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "At %s s, %s dispatched invocation #%d of %s to %s after %s s in the queue.%n",
                seconds(r.timeUs()),
                r.policy(),
                r.invocation(),
                r.function(),
                r.device(),
                num(r.queueMs() / 1000.0)));
        b.append(
                        switch (r.startType()) {
                            case WARM ->
                                "Start: warm. An idle container of " + r.function()
                                        + " had its memory on the device, so only the function's code runs.";
                            case GPU_COLD ->
                                "Start: GPU-cold. An idle container of " + r.function()
                                        + " existed but its memory was not on the device (it was on the host, or already on its way back); it is "
                                        + "prefetched to the device and the code's kernels wait for it.";
                            case COLD ->
                                "Start: cold. No idle container of " + r.function()
                                        + " was available, so a new one is created (container start, GPU attach, initialisation) before the code runs.";
                            case CPU -> "Start: on the CPU pool" + ".";
                        })
                .append('\n');
        if (r.hasTags()) {
            b.append(String.format(
                    Locale.ROOT,
                    "Virtual time V = %s (the smallest start tag among backlogged flows). %s's start tag S = %s. "
                            + "With over-run T = %s a flow whose start tag exceeds V + T = %s is throttled and waits.%n",
                    num(r.virtualTime()),
                    r.function(),
                    num(r.startTag()),
                    num(r.overrun()),
                    num(r.virtualTime() + r.overrun())));
        } else {
            b.append(r.policy()).append(" keeps no virtual-time tags; it orders invocations by its own rule.\n");
        }
        b.append("Throttled flows: ")
                .append(r.throttled().isEmpty() ? "none" : flows(r.throttled(), r.hasTags()))
                .append('\n');
        b.append("Other backlogged flows: ")
                .append(r.backlogged().isEmpty() ? "none" : flows(r.backlogged(), r.hasTags()))
                .append('\n');
        if (r.flowsOmitted() > 0) b.append("(").append(r.flowsOmitted()).append(" more flows not listed)\n");
        DecisionContext c = r.context();
        int moving = c.deviceMovingIn();
        b.append(String.format(
                Locale.ROOT,
                "Device %s, after this dispatch: %d of %d tokens in use; memory %s of %s MB in use; "
                        + "%d container%s with memory on the host or on its way there%s.",
                r.device(),
                r.deviceInFlight(),
                r.deviceDMax(),
                whole(r.deviceUsedMb()),
                whole(r.deviceMemoryMb()),
                r.deviceContainersOnHost(),
                r.deviceContainersOnHost() == 1 ? "" : "s",
                moving == 0
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                ", %d moving to the device%s",
                                moving,
                                r.startType() == StartType.GPU_COLD ? " (this one's among them)" : "")));
        String gate = gate(r);
        if (!gate.isEmpty()) b.append('\n').append(gate);
        return b.toString();
    }

    /**
     * The utilization gate after this grant: open, or withholding the device's next free token
     * ("token withheld: utilization estimate 112 % > cap 95 %"); empty for a device without a gate.
     */
    public static String gate(DecisionRecord r) {
        DecisionContext c = r.context();
        if (Double.isNaN(c.gateLimitPct())) return "";
        if (!c.gated())
            return "Utilization gate: off (cap " + whole(c.gateLimitPct()) + " %): only the D tokens limit the device.";
        int free = r.deviceDMax() - r.deviceInFlight();
        if (!c.gateClosed()) {
            return String.format(
                    Locale.ROOT,
                    "Utilization gate: estimate %.0f %% ≤ cap %.0f %% after this grant: open%s.",
                    c.gateEstimatePct(),
                    c.gateLimitPct(),
                    free > 0 ? ", the next free token can be granted" : "");
        }
        return String.format(
                Locale.ROOT,
                "Utilization gate: %s utilization estimate %.0f %% > cap %.0f %% after this grant "
                        + "(each grant adds a running invocation's share until the next sample, every 200 ms, replaces it "
                        + "with the measured value).",
                free > 0
                        ? "token withheld:"
                                + (free == 1 ? " the free token waits," : " the " + free + " free tokens wait,")
                        : "closed:",
                c.gateEstimatePct(),
                c.gateLimitPct());
    }

    /** Lower-case text the search looks in. */
    static String searchText(DecisionRecord r) {
        StringBuilder b = new StringBuilder();
        b.append(r.function())
                .append(' ')
                .append(r.device())
                .append(' ')
                .append(r.startType().label())
                .append(' ')
                .append(startLabel(r.startType()))
                .append(' ')
                .append(r.policy())
                .append(" #")
                .append(r.invocation())
                .append(' ')
                .append(seconds(r.timeUs()))
                .append('s');
        if (!r.throttled().isEmpty()) {
            b.append(" throttled");
            for (FlowBrief f : r.throttled()) b.append(' ').append(f.function());
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String flows(List<FlowBrief> fs, boolean tags) {
        StringBuilder b = new StringBuilder();
        for (FlowBrief f : fs) {
            if (b.length() > 0) b.append("; ");
            b.append(f.function()).append(" (");
            if (tags) b.append("S ").append(num(f.startTag())).append(", ");
            b.append(f.queued())
                    .append(" queued, ")
                    .append(f.inFlight())
                    .append(" in flight, ")
                    .append(state(f.state()))
                    .append(')');
        }
        return b.toString();
    }

    static String state(FlowState s) {
        return switch (s) {
            case ACTIVE -> "Active";
            case THROTTLED -> "Throttled";
            case INACTIVE -> "Inactive";
        };
    }

    public static String seconds(long us) {
        return String.format(Locale.ROOT, "%.3f", us / 1e6);
    }

    static String num(double v) {
        if (Double.isNaN(v)) return "–";
        if (Math.abs(v) >= 1000) return String.format(Locale.ROOT, "%.0f", v);
        return String.format(Locale.ROOT, "%.2f", v);
    }

    static String whole(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    /** A threshold as typed: a whole number without decimals, any other as Java writes it. */
    public static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : Double.toString(v);
    }
}
