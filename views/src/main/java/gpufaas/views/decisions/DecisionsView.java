package gpufaas.views.decisions;

import static gpufaas.views.decisions.DecisionExplainer.trim;

import gpufaas.views.run.WhatIf;
import gpufaas.views.style.Legible;
import gpufaas.views.style.ViewStyle;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Decisions tab: search, the log of dispatch decisions, and the selected one explained. */
public final class DecisionsView extends BorderPane {
    private final DecisionsViewModel vm;
    private final DecisionTableView table;
    private long lastSync;
    static final long SYNC_EVERY_NANOS = 250_000_000L;

    /**
     * @param onThresholds flags the log again with new thresholds (k × service, floor in seconds) and
     *                     marks the timeline anew
     */
    public DecisionsView(DecisionsViewModel vm, ViewStyle style, BiConsumer<Double, Double> onThresholds) {
        this.vm = vm;
        setId("decisions-view");
        TextField search = new TextField();
        search.setId("decision-search");
        search.setPromptText("Search: function, device, warm / cold / gpu_cold, throttled, #invocation, time…");
        search.textProperty().bindBidirectional(vm.query);
        HBox.setHgrow(search, Priority.ALWAYS);
        CheckBox follow = new CheckBox("Follow the latest");
        follow.selectedProperty().bindBidirectional(vm.follow);
        Label status = new Label();
        status.setId("decision-status");
        status.textProperty().bind(vm.status);
        status.setWrapText(true);
        Label searchLabel = new Label("Search");
        searchLabel.setMinWidth(Label.USE_PREF_SIZE);
        follow.setMinWidth(CheckBox.USE_PREF_SIZE);
        search.setMinWidth(120);
        HBox row = new HBox(8, searchLabel, search, follow);
        row.setAlignment(Pos.CENTER_LEFT);
        CheckBox only = new CheckBox("Anomalies only");
        only.setId("anomalies-only");
        only.selectedProperty().bindBidirectional(vm.anomaliesOnly);
        TextField k = new TextField(trim(vm.detector().k()));
        k.setId("anomaly-k");
        k.setPrefColumnCount(4);
        TextField floor = new TextField(trim(vm.detector().floorS()));
        floor.setId("anomaly-floor");
        floor.setPrefColumnCount(4);
        Label thresholdsProblem = new Label();
        thresholdsProblem.getStyleClass().add("param-error");
        Runnable apply = () -> {
            try {
                double kk = Double.parseDouble(k.getText().trim());
                double ff = Double.parseDouble(floor.getText().trim());
                if (!(kk > 0) || !(ff >= 0)) throw new NumberFormatException();
                thresholdsProblem.setText("");
                k.getStyleClass().remove("invalid");
                floor.getStyleClass().remove("invalid");
                // focus leaving a field applies too: flag the whole log again only for new thresholds
                if (kk == vm.detector().k() && ff == vm.detector().floorS()) return;
                onThresholds.accept(kk, ff);
            } catch (NumberFormatException e) {
                thresholdsProblem.setText("a number > 0 and a number of seconds >= 0");
                if (!k.getStyleClass().contains("invalid")) k.getStyleClass().add("invalid");
                if (!floor.getStyleClass().contains("invalid"))
                    floor.getStyleClass().add("invalid");
            }
        };
        k.setOnAction(e -> apply.run());
        floor.setOnAction(e -> apply.run());
        k.focusedProperty().addListener((o, a, b) -> {
            if (!b) apply.run();
        });
        floor.focusedProperty().addListener((o, a, b) -> {
            if (!b) apply.run();
        });
        Tooltip tip =
                new Tooltip("A decision is examined for anomalies when its invocation waited at least k times its "
                        + "function's service and at least this many seconds: starvation, head-of-line blocking, priority inversion. "
                        + "Anomalies are marked ! on the device timeline and explained below.");
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        k.setTooltip(tip);
        floor.setTooltip(tip);
        Label anomalies = new Label();
        anomalies.setId("anomaly-summary");
        anomalies.textProperty().bind(vm.anomalySummary);
        anomalies.getStyleClass().add("anomaly-text");
        anomalies.setWrapText(true);
        FlowPane flags = Legible.row(
                8,
                only,
                new Label("flag waits over"),
                k,
                new Label("× the service and"),
                floor,
                new Label("s"),
                thresholdsProblem);
        VBox top = new VBox(4, row, flags, anomalies, status);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);

        table = new DecisionTableView(vm, style);
        table.setId("decision-table");
        TextArea explanation = new TextArea();
        explanation.setId("decision-explanation");
        explanation.setEditable(false);
        explanation.setWrapText(true);
        explanation.getStyleClass().add("explanation");
        explanation.textProperty().bind(vm.explanation);
        explanation.setPromptText("Select a decision to read why it was taken.");
        Label why = new Label("Why this decision");
        why.getStyleClass().add("pane-title");
        ComboBox<WhatIf.Alternative> alt = new ComboBox<>(vm.whatIfChoices);
        alt.setId("whatif-choice");
        alt.valueProperty().bindBidirectional(vm.whatIfChoice);
        alt.setConverter(new StringConverter<>() {
            @Override
            public String toString(WhatIf.Alternative a) {
                return a == null ? "" : a.describe();
            }

            @Override
            public WhatIf.Alternative fromString(String s) {
                return null;
            }
        });
        alt.setMinWidth(Region.USE_PREF_SIZE);
        TextField window = new TextField();
        window.setId("whatif-window");
        window.setPrefColumnCount(4);
        window.textProperty().bindBidirectional(vm.whatIfWindowS);
        Button run = new Button("Run what-if");
        run.setId("whatif-run");
        run.setOnAction(e -> vm.runWhatIf());
        run.disableProperty().bind(vm.whatIfRunning.or(vm.selected.isNull()));
        run.setTooltip(
                new Tooltip("Replays the run from time 0 twice in the background, as it was and with this decision "
                        + "overridden, and compares this invocation, the alternative and the mean latency of the invocations waiting "
                        + "then or arriving in the next seconds (the decision's regret)"));
        Label ask = new Label("What if it had chosen");
        Label instead = new Label("instead?");
        Label next = new Label("Compare the next");
        Label secs = new Label("s:");
        for (Label l : List.of(ask, instead, next, secs)) l.setMinWidth(Label.USE_PREF_SIZE);
        run.setMinWidth(Button.USE_PREF_SIZE);
        HBox first = new HBox(8, ask, alt, instead);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(8, next, window, secs, run);
        second.setAlignment(Pos.CENTER_LEFT);
        VBox whatIf = new VBox(4, first, second);
        whatIf.setId("whatif-bar");
        whatIf.setPadding(new Insets(4, 8, 4, 8));
        Label result = new Label();
        result.setId("whatif-result");
        result.textProperty().bind(vm.whatIfResult);
        result.setWrapText(true);
        result.setMinHeight(Label.USE_PREF_SIZE);
        result.setPadding(new Insets(0, 8, 4, 8));
        result.managedProperty().bind(vm.whatIfResult.isNotEmpty());
        result.visibleProperty().bind(vm.whatIfResult.isNotEmpty());
        VBox bottom = new VBox(why, explanation, whatIf, result);
        VBox.setVgrow(explanation, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        explanation.setPrefRowCount(4);
        explanation.setMinHeight(Region.USE_PREF_SIZE);
        table.setMinHeight(100);
        bottom.setMinHeight(Region.USE_PREF_SIZE);
        // on a short window the log and the explanation keep their least height and the tab scrolls
        setCenter(Legible.scrollingSplit(split, "decisions-scroll"));
    }

    /**
     * Takes in the decisions that arrived since the last call and repaints the rows in view (FX
     * thread, once per shown frame while the tab shows). A few steps' decisions show at once; a
     * playing run's stream (thousands a second, too fast to read) is taken in four times a second.
     */
    public void refresh() {
        long now = System.nanoTime();
        if (vm.pendingCount() == 0) {
            if (table.stale()) table.repaint(); // a new search, a new run
            return;
        }
        if (vm.pendingCount() > 8 && now - lastSync < SYNC_EVERY_NANOS) return;
        lastSync = now;
        DecisionRecord first = table.pinnedToEnd() ? null : table.firstShown();
        vm.sync();
        if (vm.selected.get() != null && table.selectedIndex() < 0) table.clearSelection(); // it fell off the log
        if (first != null) table.keepFirst(first);
        table.repaint();
    }

    /** Repaints after a change of theme or font scale. */
    public void restyle() {
        table.repaint();
    }

    public DecisionTableView table() {
        return table;
    }
}
