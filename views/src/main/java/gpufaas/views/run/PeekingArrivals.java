package gpufaas.views.run;

import gpufaas.engine.model.ArrivalSource;

/**
 * Wraps an arrival stream to tell when the engine's next arrival is due: the engine reads one
 * arrival ahead, so the last arrival this cursor advanced to is the pending one. Together with the
 * time source's next scheduled action this gives the time of the engine's next event, which a paced
 * run needs before it lets the engine take that event.
 */
final class PeekingArrivals implements ArrivalSource {
    private final ArrivalSource in;
    private long pendingUs = Long.MAX_VALUE;

    PeekingArrivals(ArrivalSource in) {
        this.in = in;
    }

    /** Time of the arrival the engine holds but has not processed yet, or Long.MAX_VALUE. */
    long pendingUs() {
        return pendingUs;
    }

    @Override
    public boolean advance() {
        boolean more = in.advance();
        pendingUs = more ? in.timeUs() : Long.MAX_VALUE;
        return more;
    }

    @Override
    public long timeUs() {
        return in.timeUs();
    }

    @Override
    public int function() {
        return in.function();
    }

    @Override
    public String describe() {
        return in.describe();
    }

    @Override
    public void close() {
        pendingUs = Long.MAX_VALUE;
        in.close();
    }
}
