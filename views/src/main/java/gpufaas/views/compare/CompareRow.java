package gpufaas.views.compare;

/** One row of the comparison table; numbers are NaN until the run is done. */
public record CompareRow(
        String policy,
        String status,
        double meanMs,
        double p50Ms,
        double p99Ms,
        double coldPct,
        double utilizationPct,
        double fairness,
        long completed) {}
