package gpufaas.engine.model;

/**
 * A stream of arrivals in non-decreasing time order, read as a cursor so that traces of hundreds
 * of millions of invocations never sit in memory. {@link #advance()} moves to the next arrival;
 * {@link #timeUs()} and {@link #function()} then describe it.
 */
public interface ArrivalSource extends AutoCloseable {

    /** Moves to the next arrival. Returns false at the end. May throw {@link BadInputException}. */
    boolean advance();

    /** Arrival time of the current arrival, microseconds since the start of the run. */
    long timeUs();

    /** Function id of the current arrival. */
    int function();

    /**
     * This arrival's own latency objective in µs (its deadline is arrival + this), or -1 to use its
     * function's {@code slo_ms} (traces may carry a per-invocation {@code slo_ms} column).
     */
    default long sloUs() {
        return -1;
    }

    /** A short description of where arrivals come from, used in error messages. */
    default String describe() {
        return "arrivals";
    }

    @Override
    default void close() {}
}
