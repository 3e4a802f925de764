package gpufaas.engine.policy;

import gpufaas.engine.model.Invocation;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * What a policy adds to its run's summary (as Caffeine's simulator policies add their own metrics
 * to their stats): counts of its own, written after the standard summary fields, and objectives an
 * invocation must meet, besides its deadline, to count as on time. A policy registers them when it
 * is made; the engine's metrics know no policy by name.
 */
public interface PolicyStats {

    /**
     * A summary field {@code name} (snake_case, not one of the standard fields) whose value is
     * {@code count} at the end of the run. The GPU and the CPU side's counts of one name are added.
     */
    void addMetric(String name, LongSupplier count);

    /**
     * An invocation of this side that completes by its deadline counts as on time only if
     * {@code met} holds for it; otherwise it is a violation. Asked once per such completion, before
     * the policy hears of it.
     */
    void addObjective(Predicate<Invocation> met);
}
