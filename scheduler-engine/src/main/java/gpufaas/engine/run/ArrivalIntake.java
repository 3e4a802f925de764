package gpufaas.engine.run;

import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import java.util.List;

/**
 * The workload's arrivals, one ahead: validates each (time never negative or going back, a known
 * function), makes its invocation when it is due, and keeps each function's arrival statistics
 * (the mean inter-arrival time behind TTL = α × IAT).
 */
final class ArrivalIntake {
    private final ArrivalSource source;
    private final FunctionSpec[] fns;
    /** per function, side by side (one cache line): arrivals so far, first and last arrival time */
    private final long[] stats;

    private boolean pending;
    private long nextUs;
    private int nextFn;
    private long nextSloUs;
    private long lastUs;
    private long arrived;

    ArrivalIntake(ArrivalSource source, List<FunctionSpec> fns) {
        this.source = source;
        this.fns = fns.toArray(new FunctionSpec[0]);
        this.stats = new long[3 * fns.size()];
        pull();
    }

    /** true while an arrival is waiting to be taken. */
    boolean pending() {
        return pending;
    }

    /** Time of the waiting arrival, or Long.MAX_VALUE. */
    long nextUs() {
        return pending ? nextUs : Long.MAX_VALUE;
    }

    /** Invocations made so far. */
    long arrived() {
        return arrived;
    }

    /** The waiting arrival as an invocation (it arrives now); reads the one after it. */
    Invocation take(long nowUs) {
        FunctionSpec f = fns[nextFn];
        Invocation inv = new Invocation(arrived++, f, nextUs, nextSloUs);
        int at = 3 * f.id();
        if (stats[at]++ == 0) stats[at + 1] = nowUs;
        stats[at + 2] = nowUs;
        pull();
        return inv;
    }

    /** Mean inter-arrival time of {@code fn} so far (µs), NaN before two arrivals. */
    double meanIatUs(int fn) {
        int at = 3 * fn;
        long n = stats[at];
        return n < 2 ? Double.NaN : (double) (stats[at + 2] - stats[at + 1]) / (n - 1);
    }

    /** Stops taking arrivals; returns how many of the workload's arrivals were never taken. */
    long abandon() {
        if (!pending) return 0;
        long n = 1;
        pending = false;
        while (source.advance()) n++;
        return n;
    }

    void close() {
        source.close();
    }

    private void pull() {
        if (!source.advance()) {
            pending = false;
            return;
        }
        long t = source.timeUs();
        int fn = source.function();
        if (t < 0) throw new BadInputException(source.describe(), 0, which(), "negative arrival time " + t + " us");
        if (t < lastUs) {
            throw new BadInputException(
                    source.describe(),
                    0,
                    which(),
                    "arrivals must be in non-decreasing time order (" + t + " us after " + lastUs + " us)");
        }
        if (fn < 0 || fn >= fns.length)
            throw new BadInputException(source.describe(), 0, which(), "unknown function id " + fn);
        lastUs = t;
        nextUs = t;
        nextFn = fn;
        nextSloUs = source.sloUs();
        pending = true;
    }

    /** The arrival being read, as error messages name it. */
    private String which() {
        return "arrival " + (arrived + 1);
    }
}
