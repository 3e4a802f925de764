package gpufaas.engine.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.metrics.FunctionSummary;
import gpufaas.engine.metrics.LatencyRecorder;
import gpufaas.engine.metrics.Metric;
import gpufaas.engine.metrics.RunSummary;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;

/** Streaming aggregates of a run: counts per outcome and start type, latencies, utilization, fairness. */
public final class RunMetrics implements EngineListener {
    private final EngineConfig cfg;
    private final List<FunctionSpec> fns;
    private final List<Device> devices;
    private final Histogram all = new Histogram(3);
    /**
     * Per function, side by side so that one invocation's updates touch one or two cache lines: the
     * counts at {@code COUNTS * fn + ARRIVED ... SLO_ON_TIME}, and the sums (ms) at
     * {@code SUMS * fn + E2E ... EXEC}.
     */
    private final long[] counts;

    private final double[] sums;
    private static final int ARRIVED = 0,
            COMPLETED = 1,
            REJECTED = 2,
            DROPPED = 3,
            FAILED = 4,
            COLD = 5,
            GPU_COLD = 6,
            WARM = 7,
            CPU = 8,
            ON_TIME = 9,
            SLO_ARRIVED = 10,
            SLO_ON_TIME = 11,
            COUNTS = 12;
    private static final int E2E = 0, QUEUE = 1, EXEC = 2, SUMS = 4;
    private double cpuBusyMs;
    private final LatencyRecorder[] latency;
    private long totalCompleted;
    private long totalRejected;
    private long totalDropped;
    private long totalFailed;

    private final double[] isolated;
    /** what a completion by its deadline must also meet to be on time, on the GPUs and on the CPU pool (null: nothing) */
    private Predicate<Invocation> gpuObjective;

    private Predicate<Invocation> cpuObjective;
    /** the policy's own summary fields: name -> the counts of the sides that added it */
    private final Map<String, List<LongSupplier>> policyMetrics = new LinkedHashMap<>();

    private long late;
    private long sloRejected;
    /** when the last invocation ended (completed, failed, rejected or dropped) */
    private long lastOutcomeUs;

    RunMetrics(EngineConfig cfg, List<FunctionSpec> fns, List<Device> devices, double[] isolatedMs) {
        this.cfg = cfg;
        this.isolated = isolatedMs;
        this.fns = fns;
        this.devices = devices;
        int n = fns.size();
        counts = new long[COUNTS * n];
        sums = new double[SUMS * n];
        latency = new LatencyRecorder[n];
    }

    /** A policy's objective for the invocations of its side ({@code cpu}: the CPU pool's, else the GPUs'). */
    void addObjective(boolean cpu, Predicate<Invocation> met) {
        if (cpu) cpuObjective = cpuObjective == null ? met : cpuObjective.and(met);
        else gpuObjective = gpuObjective == null ? met : gpuObjective.and(met);
    }

    /** A policy's own summary field; a side adding a name another side added is counted into it. */
    void addPolicyMetric(String name, LongSupplier count) {
        if (!name.matches("[a-z][a-z0-9_]*") || RunSummary.standardNames().contains(name)) {
            throw new IllegalArgumentException("a policy's summary field needs a snake_case name of its own: " + name);
        }
        policyMetrics.computeIfAbsent(name, k -> new ArrayList<>()).add(count);
    }

    @Override
    public void arrived(Invocation inv) {
        int at = COUNTS * inv.fn();
        counts[at + ARRIVED]++;
        if (inv.deadlineUs != Long.MAX_VALUE) counts[at + SLO_ARRIVED]++;
    }

    @Override
    public void finished(Invocation inv) {
        int fn = inv.fn();
        int at = COUNTS * fn;
        if (inv.endUs > lastOutcomeUs) lastOutcomeUs = inv.endUs;
        switch (inv.outcome) {
            case REJECTED -> {
                counts[at + REJECTED]++;
                totalRejected++;
                if (inv.deadlineUs != Long.MAX_VALUE) sloRejected++;
                return;
            }
            case DROPPED -> {
                counts[at + DROPPED]++;
                totalDropped++;
                return;
            }
            case FAILED -> {
                counts[at + FAILED]++;
                totalFailed++;
                return;
            }
            case COMPLETED -> {}
        }
        counts[at + COMPLETED]++;
        totalCompleted++;
        long e2e = inv.e2eUs();
        all.recordValue(Math.max(0, e2e));
        LatencyRecorder r = latency[fn];
        if (r == null) latency[fn] = r = new LatencyRecorder();
        r.record(e2e);
        int sum = SUMS * fn;
        sums[sum + E2E] += e2e / 1000.0;
        sums[sum + QUEUE] += inv.queueUs() / 1000.0;
        double execMs = (inv.endUs - inv.startUs) / 1000.0;
        sums[sum + EXEC] += execMs;
        if (inv.onCpu) cpuBusyMs += execMs;
        Predicate<Invocation> objective = inv.onCpu ? cpuObjective : gpuObjective;
        if (inv.endUs <= inv.deadlineUs && (objective == null || objective.test(inv))) {
            counts[at + ON_TIME]++;
            if (inv.deadlineUs != Long.MAX_VALUE) counts[at + SLO_ON_TIME]++;
        } else {
            late++;
        }
        switch (inv.startType) {
            case COLD -> counts[at + COLD]++;
            case GPU_COLD -> counts[at + GPU_COLD]++;
            case WARM -> counts[at + WARM]++;
            case CPU -> {
                counts[at + CPU]++;
                if (inv.coldStart) counts[at + COLD]++;
            }
        }
    }

    public long completed() {
        return totalCompleted;
    }

    public long rejected() {
        return totalRejected;
    }

    public long dropped() {
        return totalDropped;
    }

    public long failed() {
        return totalFailed;
    }

    /**
     * The run's summary. Its makespan ends with the last invocation's outcome: keep-alive timers that
     * fire after it do not lengthen it. A run that left invocations unfinished (cut at its duration, or
     * aborted) spans up to {@code endUs}, the time it stopped. Utilization, throughput and goodput are
     * per second of that makespan; no invocation executes after it, so the busy time is unchanged.
     */
    RunSummary result(long endUs, long events, long wallMs, long unfinished) {
        List<FunctionSummary> rows = new ArrayList<>();
        double jainSum = 0;
        double jainSq = 0;
        int jainN = 0;
        double meanOfMeans = 0;
        double sqOfMeans = 0;
        int meansN = 0;
        long sloArrived = 0;
        long sloOnTime = 0;
        double e2eTotal = 0;
        double queueTotal = 0;
        double execTotal = 0;
        long coldT = 0;
        long gpuColdT = 0;
        long warmT = 0;
        long cpuT = 0;
        long arrivedT = 0;
        long onTimeT = 0;
        for (FunctionSpec f : fns) {
            int i = f.id();
            int at = COUNTS * i;
            int sum = SUMS * i;
            long arrived = counts[at + ARRIVED];
            arrivedT += arrived;
            if (arrived == 0) continue;
            long c = counts[at + COMPLETED];
            long cold = counts[at + COLD];
            double mean = c == 0 ? Double.NaN : sums[sum + E2E] / c;
            double iso = isolated[i];
            LatencyRecorder r = latency[i];
            double slo = Double.NaN;
            if (counts[at + SLO_ARRIVED] > 0) {
                slo = (double) counts[at + SLO_ON_TIME] / counts[at + SLO_ARRIVED];
                sloArrived += counts[at + SLO_ARRIVED];
                sloOnTime += counts[at + SLO_ON_TIME];
            }
            rows.add(new FunctionSummary(
                    f.name(),
                    arrived,
                    c,
                    counts[at + REJECTED],
                    counts[at + DROPPED],
                    counts[at + FAILED],
                    mean,
                    r == null ? Double.NaN : r.quantileUs(0.5) / 1000.0,
                    r == null ? Double.NaN : r.quantileUs(0.99) / 1000.0,
                    c == 0 ? Double.NaN : sums[sum + QUEUE] / c,
                    c == 0 ? Double.NaN : sums[sum + EXEC] / c,
                    cold,
                    counts[at + GPU_COLD],
                    counts[at + WARM],
                    counts[at + CPU],
                    c == 0 ? Double.NaN : 100.0 * cold / c,
                    iso,
                    c == 0 ? Double.NaN : mean / iso,
                    slo));
            if (c > 0) {
                double x = iso / mean;
                jainSum += x;
                jainSq += x * x;
                jainN++;
                double ms = mean / 1000.0;
                meanOfMeans += ms;
                sqOfMeans += ms * ms;
                meansN++;
            }
            onTimeT += counts[at + ON_TIME];
            e2eTotal += sums[sum + E2E];
            queueTotal += sums[sum + QUEUE];
            execTotal += sums[sum + EXEC];
            coldT += cold;
            gpuColdT += counts[at + GPU_COLD];
            warmT += counts[at + WARM];
            cpuT += counts[at + CPU];
        }
        long c = totalCompleted;
        double jain = jainN == 0 ? Double.NaN : jainSum * jainSum / (jainN * jainSq);
        double variance = Double.NaN;
        if (meansN > 0) {
            double m = meanOfMeans / meansN;
            variance = Math.max(0, sqOfMeans / meansN - m * m);
        }
        long spanUs = unfinished > 0 ? endUs : Math.min(endUs, lastOutcomeUs);
        double makespanS = spanUs / 1e6;
        long gpuBusy = 0;
        long gpuExec = 0;
        int gpuCount = 0;
        long evictions = 0;
        long swaps = 0;
        long prefetches = 0;
        double cost = 0;
        for (Device d : devices) {
            evictions += d.evictions();
            swaps += d.swapsOut();
            prefetches += d.prefetches();
            if (d.kind != DeviceKind.GPU) continue;
            gpuCount++;
            long b = d.gate.executingUs(endUs);
            gpuBusy += d.gate.busyUs(endUs);
            gpuExec += b;
            cost += b / 1e6 * d.profile.pricePerSecond() * d.computeShare;
        }
        cost += cpuBusyMs / 1000.0 * EngineEstimates.cpuPriceOf(cfg);
        double util = gpuCount == 0 || spanUs == 0 ? 0 : (double) gpuBusy / ((double) gpuCount * spanUs);
        double execShare = gpuCount == 0 || spanUs == 0 ? 0 : (double) gpuExec / ((double) gpuCount * spanUs);
        double slo = sloArrived == 0 ? Double.NaN : (double) sloOnTime / sloArrived;
        double mean = c == 0 ? Double.NaN : e2eTotal / c;
        double p50 = c == 0 ? Double.NaN : all.getValueAtPercentile(50) / 1000.0;
        double p99 = c == 0 ? Double.NaN : all.getValueAtPercentile(99) / 1000.0;
        rows.add(new FunctionSummary(
                "ALL",
                arrivedT,
                c,
                totalRejected,
                totalDropped,
                totalFailed,
                mean,
                p50,
                p99,
                c == 0 ? Double.NaN : queueTotal / c,
                c == 0 ? Double.NaN : execTotal / c,
                coldT,
                gpuColdT,
                warmT,
                cpuT,
                c == 0 ? Double.NaN : 100.0 * coldT / c,
                Double.NaN,
                Double.NaN,
                slo));
        var outcomes = new RunSummary.Counts(
                arrivedT,
                c,
                totalRejected,
                totalDropped,
                totalFailed,
                unfinished,
                arrivedT == 0 ? Double.NaN : (double) totalRejected / arrivedT,
                arrivedT == 0 ? Double.NaN : (double) totalDropped / arrivedT);
        var latency = new RunSummary.Latency(
                mean,
                p50,
                c == 0 ? Double.NaN : all.getValueAtPercentile(90) / 1000.0,
                p99,
                c == 0 ? Double.NaN : all.getValueAtPercentile(99.9) / 1000.0,
                c == 0 ? Double.NaN : all.getMaxValue() / 1000.0,
                c == 0 ? Double.NaN : queueTotal / c,
                c == 0 ? Double.NaN : execTotal / c);
        var starts = new RunSummary.Starts(coldT, c == 0 ? Double.NaN : 100.0 * coldT / c, gpuColdT, warmT, cpuT);
        var use = new RunSummary.Devices(util, execShare, evictions, swaps, prefetches);
        var throughput = new RunSummary.Throughput(
                makespanS, makespanS == 0 ? 0 : c / makespanS, makespanS == 0 ? 0 : onTimeT / makespanS);
        var costs = new RunSummary.Costs(cost, onTimeT == 0 ? Double.NaN : cost / onTimeT);
        long admitted = sloArrived - sloRejected;
        var slos = new RunSummary.Slo(
                slo,
                admitted == 0 ? Double.NaN : (double) sloOnTime / admitted,
                onTimeT,
                late,
                arrivedT == 0 ? Double.NaN : (double) late / arrivedT);
        List<Metric> own = new ArrayList<>();
        policyMetrics.forEach((name, sides) -> {
            long sum = 0;
            for (LongSupplier n : sides) sum += n.getAsLong();
            own.add(new Metric(name, sum));
        });
        return new RunSummary(
                cfg.policy().name(),
                outcomes,
                latency,
                starts,
                use,
                new RunSummary.Fairness(jain, variance),
                throughput,
                costs,
                slos,
                wallMs,
                events,
                own,
                rows);
    }
}
