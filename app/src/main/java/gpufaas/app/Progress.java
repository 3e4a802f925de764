package gpufaas.app;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Sweep progress on stderr: a bar redrawn in place on a terminal, otherwise one plain line per
 * finished point. Thread-safe (points finish on pool threads).
 */
final class Progress implements SweepExecutor.Listener {
    private static final int BAR = 30;
    private final PrintWriter err;
    private final boolean redraw;
    private final long t0 = System.nanoTime();

    Progress(PrintWriter err, boolean redraw) {
        this.err = err;
        this.redraw = redraw;
    }

    /** True when System.console() is a terminal (on JDK 22+ a console object exists even when redirected). */
    static boolean terminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            Method m = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 a console exists only on a terminal
        }
    }

    /** @param where where the points run ("2 threads", a cluster's URL) */
    void start(int total, String where) {
        if (redraw) draw(0, total);
        else err.println("sweep: " + total + " points on " + where);
        err.flush();
    }

    @Override
    public synchronized void finished(SweepTask task, int done, int total) {
        if (redraw) {
            draw(done, total);
            if (done == total) err.println();
        } else {
            err.println(String.format(Locale.ROOT, "point %d/%d done (%s) after %.1f s", done, total, task.label(), elapsed()));
        }
        err.flush();
    }

    private void draw(int done, int total) {
        int filled = total == 0 ? BAR : done * BAR / total;
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d points, %.0f s", "#".repeat(filled), "-".repeat(BAR - filled),
                done, total, elapsed()));
    }

    /** Ends a redrawn bar's line after a failure. */
    synchronized void abandon() {
        if (redraw) err.println();
        err.flush();
    }

    private double elapsed() { return (System.nanoTime() - t0) / 1e9; }
}
