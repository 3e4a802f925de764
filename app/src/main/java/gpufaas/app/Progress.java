package gpufaas.app;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * Progress on stderr of a sweep's points or a reproduction's runs: a bar redrawn in place on a
 * terminal, otherwise plain lines (one per finished point of a sweep; one per tenth of a
 * reproduction's runs). Thread-safe (work finishes on pool threads).
 */
final class Progress implements SweepExecutor.Listener {
    private static final int BAR = 30;
    private final PrintWriter err;
    private final boolean redraw;
    private final String what;
    private final String unit;
    private final boolean everyStep;
    private final long t0 = System.nanoTime();

    /** A sweep's progress, counted in points. */
    Progress(PrintWriter err, boolean redraw) {
        this(err, redraw, "sweep", "points", true);
    }

    /**
     * @param what      what runs ("sweep", "reproduce")
     * @param unit      what is counted, plural ("points", "runs")
     * @param everyStep without a terminal, a line per finished unit (else one per tenth of them)
     */
    Progress(PrintWriter err, boolean redraw, String what, String unit, boolean everyStep) {
        this.err = err;
        this.redraw = redraw;
        this.what = what;
        this.unit = unit;
        this.everyStep = everyStep;
    }

    /** True when System.console() is a terminal (on JDK 22+ a console object exists even when redirected). */
    static boolean terminal() {
        Console c = System.console();
        if (c == null) return false;
        try {
            Method m = Console.class.getMethod("isTerminal");
            return (Boolean) m.invoke(c);
        } catch (ReflectiveOperationException e) {
            return true; // before JDK 22 a console exists only on a terminal
        }
    }

    /** @param where where the points run ("2 threads", a cluster's URL) */
    void start(int total, String where) {
        if (redraw) draw(0, total);
        else err.println(what + ": " + total + " " + unit + " on " + where);
        err.flush();
    }

    @Override
    public void finished(SweepTask task, int done, int total) {
        step(task.label(), done, total);
    }

    /** The {@code done}-th of {@code total} units ({@code label}) finished. */
    synchronized void step(String label, int done, int total) {
        if (redraw) {
            draw(done, total);
            if (done == total) err.println();
        } else if (everyStep || done == total || done * 10 / total != (done - 1) * 10 / total) {
            String one = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
            err.println(
                    String.format(Locale.ROOT, "%s %d/%d done (%s) after %.1f s", one, done, total, label, elapsed()));
        }
        err.flush();
    }

    private void draw(int done, int total) {
        int filled = total == 0 ? BAR : done * BAR / total;
        err.print(String.format(
                Locale.ROOT,
                "\r[%s%s] %d/%d %s, %.0f s",
                "#".repeat(filled),
                "-".repeat(BAR - filled),
                done,
                total,
                unit,
                elapsed()));
    }

    /** Ends a redrawn bar's line after a failure. */
    synchronized void abandon() {
        if (redraw) err.println();
        err.flush();
    }

    private double elapsed() {
        return (System.nanoTime() - t0) / 1e9;
    }
}
