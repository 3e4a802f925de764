package gpufaas.workload.gen;

/** The running state of one {@link ArrivalProcess}: successive arrival times, never decreasing. */
@FunctionalInterface
public interface ArrivalClock {
    /** The next arrival time in seconds since the start. */
    double nextS();
}
