package gpufaas.engine.time;

import java.util.SplittableRandom;

/**
 * Seeded random streams, one per named component, derived from the run's seed so that adding a
 * component never shifts another component's numbers.
 */
public final class SeededStreams {
    private final long seed;

    public SeededStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream for {@code component}; the same (seed, component) always gives the same numbers. */
    public SplittableRandom stream(String component) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < component.length(); i++) {
            h = (h ^ component.charAt(i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        return new SplittableRandom(h);
    }
}
