package gpufaas.engine.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.metrics.FunctionSummary;
import gpufaas.engine.metrics.LatencyRecorder;
import gpufaas.engine.metrics.Metric;
import gpufaas.engine.metrics.RunSummary;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/** Streaming aggregates of a run: counts per outcome and start type, latencies, utilization, fairness. */
public final class RunMetrics implements EngineListener {
    private final EngineConfig cfg;
    private final List<FunctionSpec> fns;
    private final List<Device> devices;
    private final Histogram all = new Histogram(3);
    private final long[] arrived;
    private final long[] completed;
    private final long[] rejected;
    private final long[] dropped;
    private final long[] failed;
    private final long[] cold;
    private final long[] gpuCold;
    private final long[] warm;
    private final long[] cpu;
    private final long[] onTime;
    private final long[] sloArrived;
    private final long[] sloOnTime;
    private final double[] e2eSum;
    private final double[] queueSum;
    private final double[] execSum;
    private final double[] cpuBusyMs;
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
        arrived = new long[n];
        completed = new long[n];
        rejected = new long[n];
        dropped = new long[n];
        failed = new long[n];
        cold = new long[n];
        gpuCold = new long[n];
        warm = new long[n];
        cpu = new long[n];
        onTime = new long[n];
        sloArrived = new long[n];
        sloOnTime = new long[n];
        e2eSum = new double[n];
        queueSum = new double[n];
        execSum = new double[n];
        cpuBusyMs = new double[1];
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
        arrived[inv.fn()]++;
        if (inv.deadlineUs != Long.MAX_VALUE) sloArrived[inv.fn()]++;
    }

    @Override
    public void finished(Invocation inv) {
        int fn = inv.fn();
        if (inv.endUs > lastOutcomeUs) lastOutcomeUs = inv.endUs;
        switch (inv.outcome) {
            case REJECTED -> {
                rejected[fn]++;
                totalRejected++;
                if (inv.deadlineUs != Long.MAX_VALUE) sloRejected++;
                return;
            }
            case DROPPED -> { dropped[fn]++; totalDropped++; return; }
            case FAILED -> { failed[fn]++; totalFailed++; return; }
            case COMPLETED -> { }
        }
        completed[fn]++;
        totalCompleted++;
        long e2e = inv.e2eUs();
        all.recordValue(Math.max(0, e2e));
        LatencyRecorder r = latency[fn];
        if (r == null) latency[fn] = r = new LatencyRecorder();
        r.record(e2e);
        e2eSum[fn] += e2e / 1000.0;
        queueSum[fn] += inv.queueUs() / 1000.0;
        double execMs = (inv.endUs - inv.startUs) / 1000.0;
        execSum[fn] += execMs;
        if (inv.onCpu) cpuBusyMs[0] += execMs;
        Predicate<Invocation> objective = inv.onCpu ? cpuObjective : gpuObjective;
        if (inv.endUs <= inv.deadlineUs && (objective == null || objective.test(inv))) {
            onTime[fn]++;
            if (inv.deadlineUs != Long.MAX_VALUE) sloOnTime[fn]++;
        } else {
            late++;
        }
        switch (inv.startType) {
            case COLD -> cold[fn]++;
            case GPU_COLD -> gpuCold[fn]++;
            case WARM -> warm[fn]++;
            case CPU -> { cpu[fn]++; if (inv.coldStart) cold[fn]++; }
        }
    }

    public long completed() { return totalCompleted; }

    public long rejected() { return totalRejected; }

    public long dropped() { return totalDropped; }

    public long failed() { return totalFailed; }


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
            arrivedT += arrived[i];
            if (arrived[i] == 0) continue;
            long c = completed[i];
            double mean = c == 0 ? Double.NaN : e2eSum[i] / c;
            double iso = isolated[i];
            LatencyRecorder r = latency[i];
            double slo = Double.NaN;
            if (this.sloArrived[i] > 0) {
                slo = (double) this.sloOnTime[i] / this.sloArrived[i];
                sloArrived += this.sloArrived[i];
                sloOnTime += this.sloOnTime[i];
            }
            rows.add(new FunctionSummary(f.name(), arrived[i], c, rejected[i], dropped[i], failed[i], mean,
                    r == null ? Double.NaN : r.quantileUs(0.5) / 1000.0, r == null ? Double.NaN : r.quantileUs(0.99) / 1000.0,
                    c == 0 ? Double.NaN : queueSum[i] / c, c == 0 ? Double.NaN : execSum[i] / c,
                    cold[i], gpuCold[i], warm[i], cpu[i], c == 0 ? Double.NaN : 100.0 * cold[i] / c, iso,
                    c == 0 ? Double.NaN : mean / iso, slo));
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
            onTimeT += onTime[i];
            e2eTotal += e2eSum[i];
            queueTotal += queueSum[i];
            execTotal += execSum[i];
            coldT += cold[i];
            gpuColdT += gpuCold[i];
            warmT += warm[i];
            cpuT += cpu[i];
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
        cost += cpuBusyMs[0] / 1000.0 * EngineEstimates.cpuPriceOf(cfg);
        double util = gpuCount == 0 || spanUs == 0 ? 0 : (double) gpuBusy / ((double) gpuCount * spanUs);
        double execShare = gpuCount == 0 || spanUs == 0 ? 0 : (double) gpuExec / ((double) gpuCount * spanUs);
        double slo = sloArrived == 0 ? Double.NaN : (double) sloOnTime / sloArrived;
        double mean = c == 0 ? Double.NaN : e2eTotal / c;
        double p50 = c == 0 ? Double.NaN : all.getValueAtPercentile(50) / 1000.0;
        double p99 = c == 0 ? Double.NaN : all.getValueAtPercentile(99) / 1000.0;
        rows.add(new FunctionSummary("ALL", arrivedT, c, totalRejected, totalDropped, totalFailed, mean, p50, p99,
                c == 0 ? Double.NaN : queueTotal / c, c == 0 ? Double.NaN : execTotal / c, coldT, gpuColdT, warmT, cpuT,
                c == 0 ? Double.NaN : 100.0 * coldT / c, Double.NaN, Double.NaN, slo));
        var counts = new RunSummary.Counts(arrivedT, c, totalRejected, totalDropped, totalFailed, unfinished,
                arrivedT == 0 ? Double.NaN : (double) totalRejected / arrivedT,
                arrivedT == 0 ? Double.NaN : (double) totalDropped / arrivedT);
        var latency = new RunSummary.Latency(mean, p50, c == 0 ? Double.NaN : all.getValueAtPercentile(90) / 1000.0, p99,
                c == 0 ? Double.NaN : all.getValueAtPercentile(99.9) / 1000.0,
                c == 0 ? Double.NaN : all.getMaxValue() / 1000.0,
                c == 0 ? Double.NaN : queueTotal / c, c == 0 ? Double.NaN : execTotal / c);
        var starts = new RunSummary.Starts(coldT, c == 0 ? Double.NaN : 100.0 * coldT / c, gpuColdT, warmT, cpuT);
        var use = new RunSummary.Devices(util, execShare, evictions, swaps, prefetches);
        var throughput = new RunSummary.Throughput(makespanS, makespanS == 0 ? 0 : c / makespanS,
                makespanS == 0 ? 0 : onTimeT / makespanS);
        var costs = new RunSummary.Costs(cost, onTimeT == 0 ? Double.NaN : cost / onTimeT);
        long admitted = sloArrived - sloRejected;
        var slos = new RunSummary.Slo(slo, admitted == 0 ? Double.NaN : (double) sloOnTime / admitted,
                onTimeT, late, arrivedT == 0 ? Double.NaN : (double) late / arrivedT);
        List<Metric> own = new ArrayList<>();
        policyMetrics.forEach((name, sides) -> {
            long sum = 0;
            for (LongSupplier n : sides) sum += n.getAsLong();
            own.add(new Metric(name, sum));
        });
        return new RunSummary(cfg.policy().name(), counts, latency, starts, use, new RunSummary.Fairness(jain, variance),
                throughput, costs, slos, wallMs, events, own, rows);
    }
}
