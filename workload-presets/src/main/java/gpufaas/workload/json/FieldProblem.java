package gpufaas.workload.json;

/**
 * A value that binds but makes no sense (a negative rate, a weight of 0), thrown from a record's
 * constructor while Jackson binds it; {@link JacksonErrors} turns it into a
 * {@code BadInputException} with the line and the full path of {@link #field()}.
 */
public final class FieldProblem extends IllegalArgumentException {
    private final String field;

    public FieldProblem(String field, String problem) {
        super(problem);
        this.field = field;
    }

    /** The JSON field name, relative to the object being built. */
    public String field() {
        return field;
    }

    /** Throws unless {@code ok}. */
    public static void require(boolean ok, String field, String problem) {
        if (!ok) throw new FieldProblem(field, problem);
    }
}
