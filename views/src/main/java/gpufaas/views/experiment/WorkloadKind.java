package gpufaas.views.experiment;

/** Where an experiment's functions and arrivals come from (the experiment JSON's workload kinds). */
public enum WorkloadKind {
    COMPOSED("composed functions"),
    TRACE("Ilúvatar trace"),
    AZURE_2019("Azure 2019 dataset"),
    AZURE_2021("Azure 2021 trace"),
    AZURE_LIKE("Azure-like synthetic");

    private final String label;

    WorkloadKind(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
