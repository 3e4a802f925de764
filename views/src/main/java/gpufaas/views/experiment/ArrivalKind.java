package gpufaas.views.experiment;

/** A function's arrival process in the composer. */
public enum ArrivalKind {
    POISSON("Poisson"), BURSTY("bursty"), DIURNAL("diurnal"), TRACE("trace");

    private final String label;

    ArrivalKind(String label) { this.label = label; }

    @Override
    public String toString() { return label; }
}
