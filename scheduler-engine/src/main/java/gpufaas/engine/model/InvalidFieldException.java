package gpufaas.engine.model;

/**
 * A value that makes no sense for its field (a bandwidth of 0, a missing required number), thrown
 * while a value object is built. {@code field} is the name users write (snake_case, as in the
 * JSON), so a reader can report it with the file and line; {@link #problem()} says what is wrong.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidFieldException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** Throws unless {@code ok}. */
    public static void require(boolean ok, String field, String problem) {
        if (!ok) throw new InvalidFieldException(field, problem);
    }

    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
