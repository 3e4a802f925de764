package gpufaas.engine.run;

import gpufaas.engine.policy.PolicyContext;
import gpufaas.engine.time.Scheduled;
import gpufaas.engine.time.TimeSource;
import java.util.function.LongConsumer;

/**
 * A wake-up at a time of the run, for a policy's timer and the dispatcher's closed gates: a request
 * for a time at or after a pending wake is dropped (that earlier wake comes first and its action
 * asks again if it must), and the timer is itself the one action, scheduled again for each wake.
 */
final class WakeTimer implements PolicyContext.Timer, Scheduled {
    private final TimeSource ts;
    private final LongConsumer action;
    private long pendingAt = Long.MAX_VALUE;

    WakeTimer(TimeSource ts, LongConsumer action) {
        this.ts = ts;
        this.action = action;
    }

    @Override
    public void at(long atUs) {
        if (pendingAt > ts.nowUs() && pendingAt <= atUs) return; // an earlier wake will re-arm
        pendingAt = atUs;
        ts.schedule(atUs, this);
    }

    @Override
    public void fire(long nowUs) {
        if (pendingAt == nowUs) pendingAt = Long.MAX_VALUE;
        action.accept(nowUs);
    }
}
