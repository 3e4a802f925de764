package gpufaas.views.transport;

import gpufaas.views.run.EngineCommand;
import gpufaas.views.run.LiveSnapshot;
import gpufaas.views.run.RunStatus;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The transport bar's state and actions: commands go to the engine thread; status, clock and
 * progress come back from snapshots once per frame.
 */
public final class TransportViewModel {
    private final Consumer<EngineCommand> engine;

    public final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(RunStatus.EMPTY);
    public final StringProperty clock = new SimpleStringProperty("t = 0.000 s");
    public final DoubleProperty progress = new SimpleDoubleProperty(0);
    public final StringProperty message = new SimpleStringProperty("");
    public final StringProperty counters = new SimpleStringProperty("");
    /** slider position 0..4 (0.1× .. 1000×) */
    public final DoubleProperty speedPosition = new SimpleDoubleProperty(SpeedScale.positionOf(10));

    public final BooleanProperty maxSpeed = new SimpleBooleanProperty(false);
    public final StringProperty speedLabel =
            new SimpleStringProperty(Speed.of(10).label());
    /** the loaded run is a live one (Docker, CUDA): it plays in real time and cannot pause, step or change speed */
    public final BooleanProperty live = new SimpleBooleanProperty(false);
    /** the experiment's edits not yet in the loaded run, written out; empty when there are none */
    public final StringProperty pendingEdits = new SimpleStringProperty("");
    /** a confirmation of what the window just did (saved, exported, loaded); empty when there is none */
    public final StringProperty notice = new SimpleStringProperty("");
    /** the breakpoints armed, written out; empty when none is */
    public final StringProperty breakpoints = new SimpleStringProperty("");

    private BooleanSupplier applyEdits = () -> true;
    private Runnable clearBreakpoints = () -> {};

    public TransportViewModel(Consumer<EngineCommand> engine) {
        this.engine = engine;
        speedPosition.addListener((o, a, b) -> sendSpeed());
        maxSpeed.addListener((o, a, b) -> sendSpeed());
    }

    public Speed speed() {
        return maxSpeed.get() ? Speed.MAX : Speed.of(SpeedScale.factorAt(speedPosition.get()));
    }

    private void sendSpeed() {
        Speed s = speed();
        speedLabel.set(Speed.of(SpeedScale.factorAt(speedPosition.get())).label());
        engine.accept(new EngineCommand.SetSpeed(s));
    }

    public void setSpeedFactor(double factor) {
        maxSpeed.set(false);
        speedPosition.set(SpeedScale.positionOf(factor));
    }

    /** What loads the experiment's edits into the run (the window's Load); false when they cannot run. */
    public void onApplyEdits(BooleanSupplier r) {
        applyEdits = r;
    }

    /** What disarms every breakpoint (the teaching panel's). */
    public void onClearBreakpoints(Runnable r) {
        clearBreakpoints = r;
    }

    /** Loads the edits into the run at once: it starts again from time 0. false when they cannot run. */
    public boolean applyEdits() {
        return applyEdits.getAsBoolean();
    }

    public void clearBreakpoints() {
        clearBreakpoints.run();
    }

    /**
     * Plays. A run still at time 0 takes the experiment's edits first (a policy or device chosen
     * after the last load is the one that plays); a run under way goes on as loaded.
     */
    public void play() {
        if (!pendingEdits.get().isEmpty() && status.get() == RunStatus.READY && !applyEdits.getAsBoolean()) return;
        engine.accept(new EngineCommand.Play());
    }

    public void pause() {
        engine.accept(new EngineCommand.Pause());
    }

    public void togglePlay() {
        if (status.get() == RunStatus.PLAYING) pause();
        else play();
    }

    public void stepEvent() {
        engine.accept(new EngineCommand.StepEvent());
    }

    public void stepDecision() {
        engine.accept(new EngineCommand.StepDecision());
    }

    /** Starts again from time 0: with the experiment's edits when there are any, else the same run. */
    public void reset() {
        if (pendingEdits.get().isEmpty() || !applyEdits.getAsBoolean()) engine.accept(new EngineCommand.Reset());
    }

    public boolean canPlay() {
        RunStatus s = status.get();
        return s == RunStatus.READY || s == RunStatus.PAUSED;
    }

    /** Whether the play button can act: play a ready or paused run, or pause a playing simulation. */
    public boolean canToggle() {
        return canPlay() || (status.get() == RunStatus.PLAYING && !live.get());
    }

    public boolean canStep() {
        if (live.get()) return false;
        RunStatus s = status.get();
        return s == RunStatus.READY || s == RunStatus.PAUSED || s == RunStatus.PLAYING;
    }

    /** One frame's snapshot. */
    public void apply(LiveSnapshot s) {
        status.set(s.status());
        clock.set(clock(s.timeUs()));
        progress.set(s.progress());
        message.set(s.message());
        counters.set(String.format(
                Locale.ROOT,
                "%,d events · %,d arrived · %,d done · %,d queued · %,d in flight",
                s.events(),
                s.arrivals(),
                s.completed(),
                s.queued(),
                s.inFlight()));
    }

    /** "t = 83.215 s" (and minutes past one minute: "t = 4:03.215"). */
    public static String clock(long us) {
        double s = us / 1e6;
        if (s < 60) return String.format(Locale.ROOT, "t = %.3f s", s);
        long whole = (long) s;
        long h = whole / 3600;
        long m = (whole % 3600) / 60;
        double sec = s - h * 3600 - m * 60;
        return h > 0
                ? String.format(Locale.ROOT, "t = %d:%02d:%06.3f", h, m, sec)
                : String.format(Locale.ROOT, "t = %d:%06.3f", m, sec);
    }
}
