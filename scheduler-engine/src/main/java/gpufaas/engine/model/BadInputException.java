package gpufaas.engine.model;

/**
 * Input that cannot be used: names the source (file or option), the line (0 when not line based),
 * the field and what is wrong. The command line prints {@link #getMessage()} and exits with 2.
 */
public final class BadInputException extends RuntimeException {
    private final String source;
    private final long line;
    private final String field;
    private final String problem;

    public BadInputException(String source, long line, String field, String problem) {
        super(format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    public static BadInputException of(String source, String problem) {
        return new BadInputException(source, 0, null, problem);
    }

    private static String format(String source, long line, String field, String problem) {
        StringBuilder b = new StringBuilder();
        b.append(source == null ? "input" : source);
        if (line > 0) b.append(", line ").append(line);
        if (field != null) b.append(", field '").append(field).append('\'');
        return b.append(": ").append(problem).toString();
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    public String field() {
        return field;
    }

    /** What is wrong, without the source, line and field the message starts with. */
    public String problem() {
        return problem;
    }
}
