package gpufaas.engine.model;

/**
 * A value that makes no sense for its field (a bandwidth of 0, a missing required number), thrown
 * while a value object is built. {@code field} is the name users write (snake_case, as in the
 * JSON), so a reader can report it with the file and line; {@link #problem()} says what is wrong.
 */
public class InvalidFieldException extends IllegalArgumentException {
    private final String field;
    private final String problem;

    public InvalidFieldException(String field, String problem) {
        this(field, problem, field + " " + problem);
    }

    /** With a message of the subclass's own ({@code FieldProblem}'s is the problem alone). */
    protected InvalidFieldException(String field, String problem, String message) {
        super(message);
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
