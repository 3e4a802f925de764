package gpufaas.sweep.spark.task;

import gpufaas.engine.model.BadInputException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;

/**
 * Why a point failed on an executor, in a form that crosses machines: bad input keeps its source,
 * line, field and problem, so the driver raises the same {@link BadInputException} (same message,
 * exit status 2) a local sweep would; anything else keeps its message and the executor's stack trace.
 *
 * @param badInput whether it was bad input
 * @param source   bad input: the file or option named
 * @param line     bad input: the line, 0 when not line based
 * @param field    bad input: the field, or null
 * @param problem  bad input: what is wrong; otherwise the message as a local sweep prints it
 * @param trace    the executor's stack trace, for {@code --debug}
 */
public record PointFailure(boolean badInput, String source, long line, String field, String problem, String trace)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The failure {@code t}, with local copies' paths turned back into the sweep's. */
    static PointFailure of(Throwable t, LocalCopies copies) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String traceText = copies == null ? trace.toString() : copies.toDriver(trace.toString());
        if (t instanceof BadInputException b) {
            return new PointFailure(
                    true, map(copies, b.source()), b.line(), b.field(), map(copies, b.problem()), traceText);
        }
        String msg = t.getMessage() == null || t.getMessage().isBlank() ? t.toString() : t.getMessage();
        return new PointFailure(false, null, 0, null, map(copies, msg), traceText);
    }

    private static String map(LocalCopies copies, String s) {
        return copies == null ? s : copies.toDriver(s);
    }

    /** The exception the driver throws: the same a local sweep throws for this failure, as far as the user sees it. */
    public RuntimeException toException() {
        if (badInput) return new BadInputException(source, line, field, problem);
        return new PointFailedException(problem, trace);
    }

    /** A point's internal error on an executor; its cause carries the executor's stack trace. */
    public static final class PointFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PointFailedException(String message, String trace) {
            super(message, new RemoteTrace(trace));
        }
    }

    /** The executor's stack trace as text. */
    static final class RemoteTrace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RemoteTrace(String trace) {
            super("on the executor:\n" + trace, null, false, false);
        }
    }
}
