package gpufaas.views.teaching;

import gpufaas.views.run.EngineCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State behind the teaching panel: the breakpoints (sent to the engine thread whenever one
 * changes), the "pause at" time with its inline problem, the lessons and the presenter mode.
 */
public final class TeachingViewModel {
    private final Consumer<EngineCommand> engine;
    public final BooleanProperty onThrottle = new SimpleBooleanProperty(false);
    public final BooleanProperty onColdStart = new SimpleBooleanProperty(false);
    public final BooleanProperty onEviction = new SimpleBooleanProperty(false);
    public final StringProperty atSeconds = new SimpleStringProperty("");
    public final StringProperty atProblem = new SimpleStringProperty("");
    public final ObjectProperty<Lesson> lesson = new SimpleObjectProperty<>();
    static final String CHOOSE =
            "Choose a lesson to load its workload, policy and breakpoints, with a short explanation of what to watch.";
    public final StringProperty explanation = new SimpleStringProperty(CHOOSE);
    public final BooleanProperty presenter = new SimpleBooleanProperty(false);
    /** the breakpoints armed, written out ("pause on: a throttle, a cold start"); empty when none */
    public final StringProperty armed = new SimpleStringProperty("");

    private boolean applying;
    /** the breakpoints were armed by the lesson in {@link #lesson}, not by hand: leaving the lesson disarms them */
    private boolean fromLesson;

    public TeachingViewModel(Consumer<EngineCommand> engine) {
        this.engine = engine;
        onThrottle.addListener((o, a, b) -> edited());
        onColdStart.addListener((o, a, b) -> edited());
        onEviction.addListener((o, a, b) -> edited());
        atSeconds.addListener((o, a, b) -> edited());
        lesson.addListener((o, a, b) -> {
            if (b != null) explanation.set(b.explanation());
        });
    }

    public List<Lesson> lessons() {
        return Lessons.all();
    }

    /** The breakpoints as set; a bad time is left out (and shown in {@link #atProblem}). */
    public Breakpoints breakpoints() {
        long at = -1;
        String t = atSeconds.get() == null ? "" : atSeconds.get().trim();
        if (!t.isEmpty()) {
            try {
                double s = Double.parseDouble(t);
                if (!(s >= 0) || Double.isInfinite(s)) throw new NumberFormatException();
                at = Math.round(s * 1e6);
                atProblem.set("");
            } catch (NumberFormatException e) {
                atProblem.set("pause at: '" + t + "' is not a time in seconds >= 0");
            }
        } else {
            atProblem.set("");
        }
        return new Breakpoints(onThrottle.get(), onColdStart.get(), onEviction.get(), at);
    }

    /** A breakpoint changed: by hand (it is then no longer the lesson's) or while a lesson arms its own. */
    private void edited() {
        if (!applying) fromLesson = false;
        send();
    }

    /** Arms a lesson's breakpoints: they stay armed while the lesson's experiment is loaded. */
    public void setFromLesson(Breakpoints b) {
        fromLesson = b.any();
        set(b);
    }

    /**
     * The window loaded an experiment other than the lesson's: the lesson ends, and the breakpoints
     * it armed (not those set by hand since) are disarmed.
     */
    public void leaveLesson() {
        if (lesson.get() == null) return;
        if (fromLesson) set(Breakpoints.NONE);
        fromLesson = false;
        lesson.set(null);
        explanation.set(CHOOSE);
    }

    /** Disarms every breakpoint. */
    public void clear() {
        set(Breakpoints.NONE);
        fromLesson = false;
    }

    /** Whether the breakpoints armed now came from the current lesson. */
    public boolean armedByLesson() {
        return fromLesson;
    }

    /** Arms {@code b} in the controls and on the engine. */
    public void set(Breakpoints b) {
        applying = true;
        try {
            onThrottle.set(b.onThrottle());
            onColdStart.set(b.onColdStart());
            onEviction.set(b.onEviction());
            atSeconds.set(b.atUs() < 0 ? "" : String.format(Locale.ROOT, "%.3f", b.atUs() / 1e6));
        } finally {
            applying = false;
        }
        send();
    }

    /** Sends the breakpoints again (after a load or reset, when a time breakpoint has fired). */
    public void send() {
        if (applying) return;
        Breakpoints b = breakpoints();
        armed.set(describe(b, fromLesson && lesson.get() != null ? lesson.get().title() : null));
        engine.accept(new EngineCommand.SetBreakpoints(b));
    }

    /** "Breakpoints armed (lesson 2): pause on a throttle, at 30 s"; empty when none is armed. */
    static String describe(Breakpoints b, String lessonTitle) {
        if (!b.any()) return "";
        List<String> on = new ArrayList<>();
        if (b.onThrottle()) on.add("a flow turning Throttled");
        if (b.onColdStart()) on.add("a cold start");
        if (b.onEviction()) on.add("an eviction");
        if (b.atUs() >= 0) on.add(String.format(Locale.ROOT, "simulated time %s s", trim(b.atUs() / 1e6)));
        String from = lessonTitle == null ? "" : " by lesson " + lessonTitle.replaceFirst("\\..*", "");
        return "Breakpoints armed" + from + ": the run pauses on " + String.join(", ", on) + ".";
    }

    private static String trim(double s) {
        String t = String.format(Locale.ROOT, "%.3f", s);
        return t.replaceFirst("\\.?0+$", "");
    }
}
