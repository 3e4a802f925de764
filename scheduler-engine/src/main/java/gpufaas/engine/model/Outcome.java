package gpufaas.engine.model;

/** How an invocation ended. Every arrived invocation ends with exactly one outcome. */
public enum Outcome {
    COMPLETED("completed"),
    REJECTED("rejected"),
    DROPPED("dropped"),
    FAILED("failed");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
