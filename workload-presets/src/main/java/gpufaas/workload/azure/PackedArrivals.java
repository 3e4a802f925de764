package gpufaas.workload.azure;

import gpufaas.engine.model.ArrivalSource;

/**
 * Arrivals held as a sorted array of {@code timeUs << SHIFT | function}: 8 bytes per arrival, and
 * sorting the array orders by time, then function id.
 */
final class PackedArrivals implements ArrivalSource {
    static final int SHIFT = 22;
    static final long MASK = (1L << SHIFT) - 1;

    private final long[] packed;
    private final String description;
    private int next;
    private long current;

    PackedArrivals(long[] sortedPacked, String description) {
        this.packed = sortedPacked;
        this.description = description;
    }

    static long pack(long timeUs, int function) {
        return timeUs << SHIFT | function;
    }

    @Override
    public boolean advance() {
        if (next >= packed.length) return false;
        current = packed[next++];
        return true;
    }

    @Override
    public long timeUs() {
        return current >>> SHIFT;
    }

    @Override
    public int function() {
        return (int) (current & MASK);
    }

    @Override
    public String describe() {
        return description;
    }
}
