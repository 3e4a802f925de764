package gpufaas.views.decisions;

/**
 * Something unusual about a decision, found by the {@link AnomalyDetector}: what kind, a short
 * phrase for the log, and a paragraph that says why and whether the policy's own bound allows it.
 */
public record Anomaly(Kind kind, DecisionRecord decision, String summary, String explanation) {
    public enum Kind {
        /** the invocation waited much longer than its service */
        STARVATION("starved"),
        /** it waited behind earlier, much longer invocations */
        HEAD_OF_LINE("head-of-line blocked"),
        /** later invocations of lower priority went first */
        PRIORITY_INVERSION("priority inversion");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** "starved", "head-of-line blocked", "priority inversion". */
        public String label() {
            return label;
        }
    }
}
