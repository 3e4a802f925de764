package gpufaas.engine.time;

/**
 * The engine's only view of time. Actions run one at a time on the engine's thread in the order
 * (time, sequence of scheduling).
 */
public interface TimeSource {

    /** Current time in microseconds since the start of the run. */
    long nowUs();

    /** Runs {@code action} at {@code atUs} (or now, if that has passed). */
    void schedule(long atUs, Scheduled action);

    /**
     * Runs the earliest scheduled action if it is due no later than {@code untilUs} and returns
     * true. Otherwise moves time to {@code untilUs} (a virtual source jumps, a wall source waits,
     * waking early for an action posted meanwhile) and returns false. With nothing scheduled and
     * {@code untilUs == Long.MAX_VALUE} it returns false at once and leaves time where it is.
     */
    boolean runNext(long untilUs);

    /** Time of the earliest scheduled action, or Long.MAX_VALUE. */
    long peekNextUs();

    /** Number of scheduled actions not yet run. */
    int pending();

    /**
     * true when actions are also scheduled from outside the engine's thread (a live backend posting
     * its reports): with nothing scheduled the engine then waits for them instead of calling the run
     * stalled.
     */
    default boolean fedFromOutside() {
        return false;
    }
}
