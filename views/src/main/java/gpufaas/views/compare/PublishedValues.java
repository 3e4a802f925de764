package gpufaas.views.compare;

import gpufaas.engine.metrics.RunSummary;
import gpufaas.workload.experiment.ExperimentSpec;
import java.util.List;
import java.util.Map;

/**
 * The published values of an experiment beside a comparison's results, as {@code ./workbench
 * reproduce} reports them (the application supplies its report's code): for one of the
 * dissertation's calibration traces, each policy's mean latency and GPU utilization, and the ratios
 * of FCFS and Batch to MQFQ-Sticky, with the target and the verdict. Empty for other experiments.
 */
@FunctionalInterface
public interface PublishedValues {
    List<PublishedRow> compare(ExperimentSpec experiment, Map<String, RunSummary> byPolicy);

    /** No published values (tests, and windows without the application's report). */
    PublishedValues NONE = (e, r) -> List.of();

    /**
     * One published number and the comparison's: what ({@code row}: the trace, {@code column}: the
     * measure), the unit, the published and simulated values, their ratio, the target and the verdict
     * ("ok", "MISS", or empty when the value has no target).
     */
    record PublishedRow(
            String row,
            String column,
            String unit,
            double published,
            double simulated,
            double ratio,
            String target,
            String verdict) {}
}
