package gpufaas.engine.placement;

import gpufaas.engine.model.Invocation;

/**
 * What placement, admission control and SLO-aware policies may ask the engine about the near
 * future. Finish estimates follow the reference model: est_finish = max(now, free_at) + start
 * cost (warm 0, data on the host: a prefetch, no container: a container start) + service time,
 * where free_at spreads the work queued and running on that kind of device over its tokens.
 */
public interface Estimates {

    long nowUs();

    /** true when the server has devices of this kind. */
    boolean has(Target kind);

    /** Estimated service time (ms) of {@code fn} on {@code kind}; +inf when it cannot run there. */
    double serviceMs(int fn, Target kind);

    /** Estimated finish time (µs) of {@code inv} if it joined the {@code kind} queue now; MAX when it cannot run there. */
    long finishUs(Invocation inv, Target kind);

    /** Estimated finish time (µs) of {@code inv} if it started on {@code kind} right now (no queue ahead). */
    long finishIfStartedNowUs(Invocation inv, Target kind);

    /** Price of one second of {@code kind} (GPU: the profile's price; CPU: one core). */
    double pricePerSecond(Target kind);

    /** Share of the GPU tokens held right now (0..1). */
    double gpuOccupancy();

    /** Invocations waiting in the queues of {@code kind}. */
    int queued(Target kind);

    /** Estimated service time (ms) of everything waiting in the queues of {@code kind}. */
    double queuedWorkMs(Target kind);
}
