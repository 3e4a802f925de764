package gpufaas.workload.json;

import gpufaas.engine.model.InvalidFieldException;

/**
 * A value that binds but makes no sense (a negative rate, a weight of 0), thrown from a record's
 * constructor while Jackson binds it; {@link JacksonErrors} turns it into a
 * {@code BadInputException} with the line and the full path of {@link #field()}. Its message is the
 * problem alone.
 */
public final class FieldProblem extends InvalidFieldException {
    public FieldProblem(String field, String problem) {
        super(field, problem, problem);
    }

    /** Throws unless {@code ok}. */
    public static void require(boolean ok, String field, String problem) {
        if (!ok) throw new FieldProblem(field, problem);
    }
}
