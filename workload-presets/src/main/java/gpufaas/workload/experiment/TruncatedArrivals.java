package gpufaas.workload.experiment;

import gpufaas.engine.model.ArrivalSource;

/** Ends another source at the first arrival at or after a time limit. */
final class TruncatedArrivals implements ArrivalSource {
    private final ArrivalSource inner;
    private final long endUs;
    private boolean done;

    TruncatedArrivals(ArrivalSource inner, long endUs) {
        this.inner = inner;
        this.endUs = endUs;
    }

    @Override
    public boolean advance() {
        if (done) return false;
        if (inner.advance() && inner.timeUs() < endUs) return true;
        done = true;
        return false;
    }

    @Override
    public long timeUs() {
        return inner.timeUs();
    }

    @Override
    public int function() {
        return inner.function();
    }

    @Override
    public long sloUs() {
        return inner.sloUs();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        inner.close();
    }
}
