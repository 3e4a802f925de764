package gpufaas.views.experiment;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The parameter editor, generated from the declared parameters of the chosen policy, placement
 * and admission control (shown open) and the device knobs (in a collapsed section): per parameter
 * its name, an input (a choice box for choices and booleans, else a text field), its type and
 * range, its help, and its problem in red as soon as the value is not valid.
 */
final class ParamEditorView extends VBox {
    private final ExperimentViewModel vm;
    private final GridPane policyGrid = grid();
    private final GridPane deviceGrid = grid();

    ParamEditorView(ExperimentViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        TitledPane device = new TitledPane("Device and engine parameters", deviceGrid);
        device.setExpanded(false);
        device.setId("device-params");
        getChildren().addAll(policyGrid, device);
        vm.params.addListener((ListChangeListener<ParamField>) c -> rebuild());
        rebuild();
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(2);
        g.setPadding(new Insets(4, 0, 4, 0));
        ColumnConstraints name = new ColumnConstraints();
        name.setMinWidth(70);
        ColumnConstraints input = new ColumnConstraints();
        input.setHgrow(Priority.ALWAYS);
        input.setFillWidth(true);
        g.getColumnConstraints().addAll(name, input);
        return g;
    }

    private void rebuild() {
        policyGrid.getChildren().clear();
        deviceGrid.getChildren().clear();
        int[] rows = {0, 0};
        for (ParamField f : vm.params) {
            boolean dev = f.owner().equals("device");
            GridPane g = dev ? deviceGrid : policyGrid;
            int r = rows[dev ? 1 : 0];
            Label name = new Label(f.name());
            name.getStyleClass().add("param-name");
            Control input = input(f);
            input.setId("param-" + f.name());
            Tooltip tip = new Tooltip(f.spec().help());
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            name.setTooltip(tip);
            input.setTooltip(tip);
            Label range = new Label(f.rangeText() + (f.owner().equals("policy") || dev ? "" : " (" + f.owner() + ")"));
            range.getStyleClass().add("help");
            range.setWrapText(true);
            Label help = new Label(f.spec().help());
            help.getStyleClass().add("help");
            help.setWrapText(true);
            help.setMinHeight(Label.USE_PREF_SIZE);
            Label error = new Label();
            error.setId("param-error-" + f.name());
            error.getStyleClass().add("param-error");
            error.setWrapText(true);
            error.textProperty().bind(f.error());
            error.managedProperty().bind(f.error().isNotEmpty());
            error.visibleProperty().bind(f.error().isNotEmpty());
            f.error().addListener((o, a, b) -> {
                if (b.isEmpty()) input.getStyleClass().remove("invalid");
                else if (!input.getStyleClass().contains("invalid"))
                    input.getStyleClass().add("invalid");
            });
            g.add(name, 0, r);
            g.add(input, 1, r);
            g.add(range, 1, r + 1);
            g.add(error, 1, r + 2);
            g.add(help, 1, r + 3);
            rows[dev ? 1 : 0] = r + 4;
        }
        if (rows[0] == 0) {
            Label none = new Label("This policy declares no parameters.");
            none.getStyleClass().add("muted");
            policyGrid.add(none, 0, 0, 2, 1);
        }
    }

    private static Control input(ParamField f) {
        List<String> choices = f.choices();
        if (!choices.isEmpty()) {
            ComboBox<String> cb = new ComboBox<>();
            cb.getItems().setAll(choices);
            cb.setValue(f.text.get());
            cb.valueProperty().addListener((o, a, b) -> {
                if (b != null) f.text.set(b);
            });
            f.text.addListener((o, a, b) -> cb.setValue(b));
            cb.setMaxWidth(Double.MAX_VALUE);
            return cb;
        }
        TextField t = new TextField();
        t.textProperty().bindBidirectional(f.text);
        t.setMaxWidth(Double.MAX_VALUE);
        return t;
    }
}
