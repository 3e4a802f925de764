package gpufaas.views.live;

/** A point event on a device's timeline. */
public record TimelineMarker(int device, int fn, Kind kind, long atUs) {
    public enum Kind {
        COLD_START("cold start"),
        SWAP_OUT("memory to host"),
        PREFETCH("memory to device"),
        EVICTION("eviction"),
        /** an anomaly flagged on a decision (starvation, head-of-line blocking, priority inversion) */
        ANOMALY("anomaly");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
