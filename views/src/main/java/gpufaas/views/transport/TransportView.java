package gpufaas.views.transport;

import gpufaas.views.run.RunStatus;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The transport bar at the bottom of the window. */
public final class TransportView extends VBox {
    public TransportView(TransportViewModel vm) {
        setId("transport");
        getStyleClass().add("transport");
        Button play = new Button("▶ Play");
        play.setId("play");
        play.setOnAction(e -> vm.togglePlay());
        play.textProperty().bind(Bindings.createStringBinding(
                () -> vm.status.get() == RunStatus.PLAYING ? "❚❚ Pause" : "▶ Play", vm.status));
        play.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.canToggle(), vm.status, vm.live));
        play.setTooltip(new Tooltip("Play or pause (F5)"));
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
        reset.setTooltip(new Tooltip("Start the loaded experiment again from time 0 (Ctrl+R)"));
        reset.disableProperty().bind(vm.status.isEqualTo(RunStatus.EMPTY));

        Slider speed = new Slider(SpeedScale.MIN_POSITION, SpeedScale.MAX_POSITION, vm.speedPosition.get());
        speed.setId("speed");
        speed.valueProperty().bindBidirectional(vm.speedPosition);
        speed.setPrefWidth(180);
        speed.setMajorTickUnit(1);
        speed.setShowTickMarks(true);
        speed.disableProperty().bind(vm.maxSpeed.or(vm.live));
        speed.setTooltip(new Tooltip("Simulated time per real second: 0.1× to 1000×"));
        Label speedLabel = new Label();
        speedLabel.textProperty().bind(vm.speedLabel);
        speedLabel.setMinWidth(50);
        ToggleButton max = new ToggleButton("Max");
        max.setId("speed-max");
        max.selectedProperty().bindBidirectional(vm.maxSpeed);
        max.disableProperty().bind(vm.live);
        max.setTooltip(new Tooltip("As fast as the CPU allows"));

        Label clock = new Label();
        clock.setId("clock");
        clock.getStyleClass().add("clock");
        clock.textProperty().bind(vm.clock);
        clock.setMinWidth(Label.USE_PREF_SIZE);
        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.progressProperty().bind(vm.progress);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        Label status = new Label();
        status.setId("run-status");
        status.getStyleClass().add("status-label");
        status.textProperty().bind(Bindings.createStringBinding(() -> statusText(vm.status.get()), vm.status));
        status.setMinWidth(Label.USE_PREF_SIZE);

        HBox controls = new HBox(8, play, stepEvent, stepDecision, reset, new Separator(Orientation.VERTICAL),
                new Label("Speed"), speed, speedLabel, max, new Separator(Orientation.VERTICAL), clock, progress, status);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("run-message");
        message.textProperty().bind(vm.message);
        message.setWrapText(true);
        message.getStyleClass().add("note-text");
        message.managedProperty().bind(vm.message.isNotEmpty());
        message.visibleProperty().bind(vm.message.isNotEmpty());
        Label counters = new Label();
        counters.textProperty().bind(vm.counters);
        counters.getStyleClass().add("muted");
        getChildren().addAll(controls, message, counters);
        setSpacing(3);
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
