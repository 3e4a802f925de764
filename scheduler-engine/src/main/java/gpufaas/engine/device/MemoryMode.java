package gpufaas.engine.device;

import java.util.Locale;

/** How container memory is managed on GPUs (reference §4). */
public enum MemoryMode {
    /** the paper's Prefetch+Swap: prefetch on Active or dispatch, swap out on Throttled/Inactive, LRU eviction */
    PREFETCH_SWAP("prefetch+swap"),
    /** prefetch on Active or dispatch; memory leaves the device only when room is needed (LRU) */
    PREFETCH_ONLY("prefetch-only"),
    /** stock demand-paged unified memory: no moves; execution slower while oversubscribed */
    UVM("uvm"),
    /** plain device allocations: a container's memory must fit; idle containers are removed to make room */
    NONE("none");

    private final String label;

    MemoryMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MemoryMode parse(String s) {
        String l = s.toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '+');
        for (MemoryMode m : values()) if (m.label.equals(l)) return m;
        if (l.equals("prefetch-swap") || l.equals("prefetchswap")) return PREFETCH_SWAP;
        throw new IllegalArgumentException("unknown memory mode '" + s + "'");
    }
}
