package gpufaas.engine.run;

/**
 * One device's state at the end of one time-series interval. {@code queued} and {@code arrivals}
 * are server-wide (the queue of the policy serving this device's kind); the others are the
 * device's own, counted over the interval that ends at {@code timeS}.
 */
public record TimeSeriesRow(double timeS, String device, int queued, int inFlight, int executing,
                            double utilization, double memUsedMb, double memCapacityMb, int containers,
                            int containersOnHost, long arrivals, long completed, long coldStarts,
                            double meanE2eMs) { }
