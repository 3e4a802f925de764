package gpufaas.views.teaching;

import gpufaas.views.style.Legible;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The teaching panel: lessons with their explanation, breakpoints, and presenter mode. */
public final class TeachingView extends VBox {
    public TeachingView(TeachingViewModel vm, Consumer<Lesson> loadLesson) {
        setId("teaching-view");
        setSpacing(8);
        setPadding(new Insets(10));
        Label lessonsTitle = new Label("Lessons");
        lessonsTitle.setMinWidth(Label.USE_PREF_SIZE);
        lessonsTitle.getStyleClass().add("section-title");
        ListView<Lesson> lessons = new ListView<>();
        lessons.setId("lessons");
        lessons.getItems().setAll(vm.lessons());
        lessons.setPrefHeight(170);
        lessons.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.lesson.set(b));
        vm.lesson.addListener((o, a, b) -> {
            if (b != lessons.getSelectionModel().getSelectedItem())
                lessons.getSelectionModel().select(b);
        });
        Button load = new Button("Load lesson");
        load.setId("load-lesson");
        load.disableProperty().bind(vm.lesson.isNull());
        load.setOnAction(e -> loadLesson.accept(vm.lesson.get()));
        Label text = new Label();
        text.textProperty().bind(vm.explanation);
        text.setWrapText(true);
        text.getStyleClass().add("lesson-text");
        text.setMinHeight(Label.USE_PREF_SIZE);

        Label bpTitle = new Label("Breakpoints: pause the run");
        bpTitle.getStyleClass().add("section-title");
        bpTitle.setWrapText(true);
        bpTitle.setMinHeight(Label.USE_PREF_SIZE);
        CheckBox throttle = new CheckBox("when a flow turns Throttled");
        throttle.setWrapText(true);
        throttle.setId("bp-throttle");
        throttle.selectedProperty().bindBidirectional(vm.onThrottle);
        CheckBox cold = new CheckBox("on a cold start");
        cold.setWrapText(true);
        cold.setId("bp-cold");
        cold.selectedProperty().bindBidirectional(vm.onColdStart);
        CheckBox evict = new CheckBox("on an eviction");
        evict.setWrapText(true);
        evict.setId("bp-evict");
        evict.selectedProperty().bindBidirectional(vm.onEviction);
        TextField at = new TextField();
        at.setId("bp-at");
        at.setPromptText("seconds");
        at.setPrefColumnCount(7);
        at.textProperty().bindBidirectional(vm.atSeconds);
        Label atProblem = new Label();
        atProblem.textProperty().bind(vm.atProblem);
        atProblem.getStyleClass().add("param-error");
        atProblem.setWrapText(true);
        FlowPane atRow = Legible.row(6, new Label("at simulated time"), at, new Label("s"));

        Label presTitle = new Label("Presenting");
        presTitle.getStyleClass().add("section-title");
        ToggleButton presenter = new ToggleButton("Presenter mode (large fonts)");
        presenter.setWrapText(true);
        presenter.setMinHeight(ToggleButton.USE_PREF_SIZE);
        presenter.setId("presenter");
        presenter.selectedProperty().bindBidirectional(vm.presenter);

        getChildren()
                .addAll(
                        lessonsTitle,
                        lessons,
                        load,
                        text,
                        bpTitle,
                        throttle,
                        cold,
                        evict,
                        atRow,
                        atProblem,
                        presTitle,
                        presenter);
    }
}
