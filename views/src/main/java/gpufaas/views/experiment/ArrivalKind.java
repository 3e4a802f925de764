package gpufaas.views.experiment;

/** A function's arrival process in the composer. */
public enum ArrivalKind {
    POISSON("Poisson"),
    BURSTY("bursty"),
    DIURNAL("diurnal"),
    TRACE("trace"),
    /** exact counts with Azure-like bursts (the dissertation traces); defined by an experiment or preset */
    AZURE_MINUTES("Azure minutes");

    private final String label;

    ArrivalKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
