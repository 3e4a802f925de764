package gpufaas.views.transport;

import gpufaas.views.run.RunStatus;
import gpufaas.views.style.Legible;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The transport bar at the bottom of the window: the run's buttons, the speed, the clock with the
 * progress and the state, in groups that wrap onto a second line on a narrow window; below them
 * the edits not yet in the run, the breakpoints armed (with a button that clears them), the
 * latest message and the counters.
 */
public final class TransportView extends VBox {
    public TransportView(TransportViewModel vm) {
        setId("transport");
        getStyleClass().add("transport");
        Button play = new Button("▶ Play");
        play.setId("play");
        play.setOnAction(e -> vm.togglePlay());
        play.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> vm.status.get() == RunStatus.PLAYING ? "❚❚ Pause" : "▶ Play", vm.status));
        play.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canToggle(), vm.status, vm.live));
        play.setTooltip(new Tooltip("Play or pause (F5); from time 0 it applies the experiment's edits first"));
        Button stepEvent = new Button("Step event");
        stepEvent.setId("step-event");
        stepEvent.setOnAction(e -> vm.stepEvent());
        stepEvent.setTooltip(new Tooltip("Pause and process exactly one engine event (F10)"));
        Button stepDecision = new Button("Step decision");
        stepDecision.setId("step-decision");
        stepDecision.setOnAction(e -> vm.stepDecision());
        stepDecision.setTooltip(new Tooltip("Pause and run until the next dispatch decision (F11)"));
        stepEvent.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canStep(), vm.status, vm.live));
        stepDecision.disableProperty().bind(stepEvent.disableProperty());
        Button reset = new Button("⟲ Reset");
        reset.setId("reset");
        reset.setOnAction(e -> vm.reset());
        reset.setTooltip(new Tooltip("Start again from time 0, with the experiment's edits (Ctrl+R)"));
        reset.disableProperty().bind(vm.status.isEqualTo(RunStatus.EMPTY));

        Slider speed = new Slider(SpeedScale.MIN_POSITION, SpeedScale.MAX_POSITION, vm.speedPosition.get());
        speed.setId("speed");
        speed.valueProperty().bindBidirectional(vm.speedPosition);
        speed.setPrefWidth(130);
        speed.setMinWidth(100);
        speed.setMajorTickUnit(1);
        speed.setMinorTickCount(2);
        speed.setShowTickMarks(true);
        // an arrow key moves a third of a decade (10× → 22× → 46× → 100×), not across the whole range
        speed.setBlockIncrement(SpeedScale.KEY_STEP);
        speed.disableProperty().bind(vm.maxSpeed.or(vm.live));
        speed.setTooltip(
                new Tooltip("Simulated time per real second: 0.1× to 1000× (arrow keys: a third of a decade)"));
        Label speedLabel = new Label();
        speedLabel.setId("speed-label");
        speedLabel.textProperty().bind(vm.speedLabel);
        speedLabel.setMinWidth(Label.USE_PREF_SIZE);
        speedLabel.setPrefWidth(Legible.width("1000×", speedLabel.getFont()) + 8);
        speedLabel.fontProperty().addListener((o, a, f) -> speedLabel.setPrefWidth(Legible.width("1000×", f) + 8));
        ToggleButton max = new ToggleButton("Max");
        max.setId("speed-max");
        max.selectedProperty().bindBidirectional(vm.maxSpeed);
        max.disableProperty().bind(vm.live);
        max.setTooltip(new Tooltip("As fast as the CPU allows"));

        Label clock = new Label();
        clock.setId("clock");
        clock.getStyleClass().add("clock");
        clock.textProperty().bind(vm.clock);
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(vm.progress);
        progress.setPrefWidth(100);
        Label status = new Label();
        status.setId("run-status");
        status.getStyleClass().add("status-label");
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(vm.status.get()), vm.status));

        Label speedTitle = new Label("Speed");
        Legible.keepWidth(play, stepEvent, stepDecision, reset, speedTitle, max, clock, status);
        HBox buttons = group(play, stepEvent, stepDecision, reset);
        HBox pace = group(speedTitle, speed, speedLabel, max);
        HBox time = group(clock, progress, status);
        FlowPane controls = new FlowPane(
                8, 4, buttons, new Separator(Orientation.VERTICAL), pace, new Separator(Orientation.VERTICAL), time);
        controls.setId("transport-controls");
        controls.setAlignment(Pos.CENTER_LEFT);

        HBox editsRow = noteRow("pending-edits", vm.pendingEdits, "apply-edits", "Apply now (restart)", vm::applyEdits);
        HBox bpRow = noteRow(
                "armed-breakpoints", vm.breakpoints, "clear-breakpoints", "Clear breakpoints", vm::clearBreakpoints);

        Label message = note("run-message", vm.message, "note-text");
        Label notice = note("notice", vm.notice, "notice");
        Label counters = new Label();
        counters.setId("run-counters");
        counters.textProperty().bind(vm.counters);
        counters.setWrapText(true);
        counters.getStyleClass().add("muted");
        getChildren().addAll(controls, editsRow, bpRow, notice, message, counters);
        setSpacing(3);
    }

    private static HBox group(Node... nodes) {
        HBox h = new HBox(8, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** A line of text (styled as its id says) with a button that acts on it, shown while the text is not empty. */
    private static HBox noteRow(String id, StringProperty text, String buttonId, String buttonText, Runnable action) {
        Label l = note(id, text, id);
        l.managedProperty().unbind();
        l.visibleProperty().unbind();
        l.setManaged(true); // the row shows and hides it
        l.setVisible(true);
        Button b = new Button(buttonText);
        b.setId(buttonId);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Button.USE_PREF_SIZE);
        HBox row = new HBox(8, l, b);
        row.setAlignment(Pos.CENTER_LEFT);
        showWhenSet(row, text);
        return row;
    }

    /** A wrapping label bound to {@code text}, shown while it is not empty. */
    private static Label note(String id, StringProperty text, String styleClass) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        showWhenSet(l, text);
        return l;
    }

    private static void showWhenSet(Node n, StringProperty text) {
        n.managedProperty().bind(text.isNotEmpty());
        n.visibleProperty().bind(text.isNotEmpty());
    }

    static String statusText(RunStatus s) {
        String t = switch (s) {
            case EMPTY -> "no experiment";
            case READY -> "ready";
            case PLAYING -> "playing";
            case PAUSED -> "paused";
            case FINISHED -> "finished";
            case FAILED -> "failed";
        };
        return t.toUpperCase(Locale.ROOT);
    }
}
