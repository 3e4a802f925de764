package gpufaas.engine.admission;

import gpufaas.engine.model.BadInputException;

import java.util.ArrayList;
import java.util.List;

/** The explicit list of admission controls. */
public final class AdmissionRegistry {
    private static final List<AdmissionDescriptor> ALL = List.of(
            new AdmissionDescriptor("admit-all", List.of("none"),
                    "Admit every invocation (the baseline; an overloaded system queues without bound).",
                    List.of(), p -> inv -> null));

    private AdmissionRegistry() { }

    public static List<AdmissionDescriptor> all() { return ALL; }

    public static AdmissionDescriptor find(String name, String source) {
        for (AdmissionDescriptor d : ALL) if (d.answersTo(name)) return d;
        List<String> names = new ArrayList<>();
        for (AdmissionDescriptor d : ALL) names.add(d.name());
        throw new BadInputException(source, 0, "admission", "unknown admission control '" + name + "'; known: " + String.join(", ", names));
    }
}
