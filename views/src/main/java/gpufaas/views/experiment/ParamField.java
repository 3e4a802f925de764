package gpufaas.views.experiment;

import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.param.ParamType;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One field of the parameter editor, generated from a declared {@link ParamSpec}: the text typed,
 * validated with the spec's own parser on every change, and the problem shown inline.
 *
 * @see ExperimentViewModel#params
 */
public final class ParamField {
    private final ParamSpec spec;
    private final String owner;
    public final StringProperty text = new SimpleStringProperty();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** set when the value came from a loaded experiment (it is then written back even if it equals the default) */
    private boolean explicit;

    public ParamField(ParamSpec spec, String owner) {
        this.spec = spec;
        this.owner = owner;
        text.addListener((o, a, b) -> validate());
        text.set(spec.defaultValue());
    }

    public ParamSpec spec() {
        return spec;
    }

    /** "policy", "placement", "admission" or "device". */
    public String owner() {
        return owner;
    }

    public String name() {
        return spec.name();
    }

    public ReadOnlyStringProperty error() {
        return error.getReadOnlyProperty();
    }

    public boolean valid() {
        return error.get().isEmpty();
    }

    public void setExplicit(String value) {
        text.set(value);
        explicit = true;
    }

    /** Whether this value goes into the experiment: set from a file, or changed from the default. */
    public boolean included() {
        if (explicit) return true;
        String t = text.get() == null ? "" : text.get().trim();
        return !t.equalsIgnoreCase(spec.defaultValue()) && !sameNumber(t, spec.defaultValue());
    }

    private boolean sameNumber(String a, String b) {
        if (spec.type() != ParamType.INT && spec.type() != ParamType.DOUBLE) return false;
        try {
            return Double.parseDouble(a) == Double.parseDouble(b);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Choices for a choice or boolean parameter; empty for free text. */
    public List<String> choices() {
        return switch (spec.type()) {
            case CHOICE -> spec.choices();
            case BOOLEAN -> List.of("true", "false");
            default -> List.of();
        };
    }

    /** The type and range as shown next to the field: "number in [0, 1000000]". */
    public String rangeText() {
        return switch (spec.type()) {
            case INT, DOUBLE -> spec.describeType() + " in " + spec.describeRange();
            case TTL -> "seconds (2s, 500ms) or a multiple of the mean inter-arrival time (1.5xIAT)";
            case BOOLEAN, CHOICE -> spec.describeRange();
        };
    }

    private void validate() {
        try {
            spec.parse(text.get());
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(spec.name() + ": " + e.getMessage());
        }
    }
}
