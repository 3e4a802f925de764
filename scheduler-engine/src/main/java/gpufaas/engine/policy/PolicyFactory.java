package gpufaas.engine.policy;

import gpufaas.engine.device.MemoryMode;
import gpufaas.engine.param.Params;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a registered policy is made for one side of a run, and what it asks of the engine: the GPU
 * memory management it runs with unless the {@code memory} parameter is set, and its
 * {@link Characteristic}s (the engine, not the policy, acts on them).
 */
public record PolicyFactory(MemoryMode memory, Set<Characteristic> characteristics, Maker maker) {

    /** Makes the policy from the side's context and the policy's parameters. */
    @FunctionalInterface
    public interface Maker {
        Policy make(PolicyContext ctx, Params params);
    }

    public PolicyFactory {
        characteristics =
                characteristics.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(characteristics));
    }

    /** A policy needing nothing of the engine beyond its choices. */
    public static PolicyFactory of(MemoryMode memory, Maker maker) {
        return new PolicyFactory(memory, Set.of(), maker);
    }

    /** A policy with these characteristics. */
    public static PolicyFactory of(MemoryMode memory, Maker maker, Characteristic first, Characteristic... rest) {
        return new PolicyFactory(memory, EnumSet.of(first, rest), maker);
    }

    public Policy create(PolicyContext ctx, Params params) {
        return maker.make(ctx, params);
    }
}
