package gpufaas.workload.azure;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How the k invocations a per-minute count reports are placed inside their minute m (the 2019
 * dataset has counts only, no times).
 */
public enum Spreading {
    /** Independent uniform times in [m·60 s, (m+1)·60 s), from a seeded stream. */
    UNIFORM_RANDOM,
    /** Invocation i of k at m·60 s + (i + 0.5)·60 s / k. */
    EVENLY,
    /** All k at m·60 s (a worst-case burst). */
    START_OF_MINUTE;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Offset in microseconds of invocation {@code i} of {@code k} inside a minute (not for UNIFORM_RANDOM). */
    public long offsetUs(int i, int k) {
        return switch (this) {
            case EVENLY -> Math.round((i + 0.5) * 60e6 / k);
            case START_OF_MINUTE -> 0;
            case UNIFORM_RANDOM -> throw new IllegalStateException("random spreading needs a random stream");
        };
    }
}
