package gpufaas.engine.run;

/**
 * One device's state at the end of one time-series interval. {@code queued} and {@code arrivals}
 * are server-wide (the queue of the policy serving this device's kind); the others are the
 * device's own, counted over the interval that ends at {@code timeS}. {@code utilization} is the
 * share of the interval during which at least one kernel ran (what NVML reports).
 * {@code oversubscribed} says the memory ledger is above capacity at that moment (running
 * invocations need more than the device has); {@code pagingFactor} is what executions started
 * then pay for it (1 otherwise). {@code contextMb} is the part of {@code memUsedMb} held by the
 * CUDA contexts of the device's containers, which stays while a container lives.
 * {@code meanInSystem} is server-wide: the time average over the interval of the invocations that
 * have arrived and not ended (queued, parked or in flight), so that the sum over intervals of
 * meanInSystem × the interval's length equals the sum of all end-to-end times (Little's law).
 */
public record TimeSeriesRow(
        double timeS,
        String device,
        int queued,
        int inFlight,
        int executing,
        double utilization,
        double memUsedMb,
        double memCapacityMb,
        int containers,
        int containersOnHost,
        long arrivals,
        long completed,
        long coldStarts,
        double meanE2eMs,
        long failed,
        boolean oversubscribed,
        double pagingFactor,
        double contextMb,
        double meanInSystem) {}
