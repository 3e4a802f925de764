package gpufaas.workload.experiment;

/** A built-in preset's name and description (for listings). */
public record PresetInfo(String name, String description) {}
