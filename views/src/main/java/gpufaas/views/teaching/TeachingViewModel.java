package gpufaas.views.teaching;

import gpufaas.views.run.EngineCommand;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

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
    public final StringProperty explanation = new SimpleStringProperty(
            "Choose a lesson to load its workload, policy and breakpoints, with a short explanation of what to watch.");
    public final BooleanProperty presenter = new SimpleBooleanProperty(false);
    private boolean applying;

    public TeachingViewModel(Consumer<EngineCommand> engine) {
        this.engine = engine;
        onThrottle.addListener((o, a, b) -> send());
        onColdStart.addListener((o, a, b) -> send());
        onEviction.addListener((o, a, b) -> send());
        atSeconds.addListener((o, a, b) -> send());
        lesson.addListener((o, a, b) -> {
            if (b != null) explanation.set(b.explanation());
        });
    }

    public List<Lesson> lessons() { return Lessons.all(); }

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

    /** Arms {@code b} (a lesson's breakpoints) in the controls and on the engine. */
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
        engine.accept(new EngineCommand.SetBreakpoints(breakpoints()));
    }
}
