package gpufaas.app;

import gpufaas.engine.model.BadInputException;
import java.io.PrintWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;

/** How failures end the program: one line on stderr and the exit status. */
final class Errors {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;

    private Errors() {}

    static boolean debugRequested(String... args) {
        if ("1".equals(System.getenv("WORKBENCH_DEBUG"))) return true;
        for (String a : args) if (a.equals("--debug")) return true;
        return false;
    }

    /** A picocli parse error: one line, exit 2. */
    static int usage(CommandLine.ParameterException ex, PrintWriter err) {
        err.println("error: " + oneLine(ex.getMessage()) + " (see ./workbench --help)");
        return BAD_INPUT;
    }

    /** An exception from a command: bad input is exit 2, anything else exit 1. */
    static int report(Throwable ex, PrintWriter err, boolean debug) {
        Throwable t = unwrap(ex);
        if (t instanceof BadInputException) {
            err.println("error: " + oneLine(t.getMessage()));
            return BAD_INPUT;
        }
        if (t instanceof CommandLine.ParameterException p) return usage(p, err);
        String msg = t.getMessage() == null || t.getMessage().isBlank() ? t.toString() : t.getMessage();
        err.println("internal error: " + oneLine(msg) + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) t.printStackTrace(err);
        return INTERNAL;
    }

    static Throwable unwrap(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null)
            t = t.getCause();
        return t;
    }

    /** The message on one line (line breaks inside it become spaces). */
    private static String oneLine(String s) {
        if (s == null) return "";
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
