package gpufaas.engine.policy;

import gpufaas.engine.model.Invocation;

import java.util.function.Predicate;

/**
 * What a policy adds to its run's summary: objectives an invocation must meet, besides its
 * deadline, to count as on time. A policy registers them when it is made; the engine's metrics know
 * no policy by name.
 */
public interface PolicyStats {

    /**
     * An invocation of this side that completes by its deadline counts as on time only if
     * {@code met} holds for it; otherwise it is a violation. Asked once per such completion, before
     * the policy hears of it.
     */
    void addObjective(Predicate<Invocation> met);
}
