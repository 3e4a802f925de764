package gpufaas.workload.azure;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which trace functions an importer keeps. */
public enum Selection {
    /** The N most invoked in the window (ties by identifier). */
    TOP,
    /** A seeded random sample of N among those invoked in the window. */
    RANDOM;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
