package gpufaas.views.decisions;

import gpufaas.views.style.ViewStyle;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;


/** The Decisions tab: search, the log of dispatch decisions, and the selected one explained. */
public final class DecisionsView extends BorderPane {
    private final DecisionsViewModel vm;
    private final DecisionTableView table;
    private long lastSync;
    static final long SYNC_EVERY_NANOS = 250_000_000L;

    public DecisionsView(DecisionsViewModel vm, ViewStyle style) {
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
        VBox top = new VBox(4, row, status);
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
        VBox bottom = new VBox(why, explanation);
        VBox.setVgrow(explanation, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setCenter(split);
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
    public void restyle() { table.repaint(); }

    public DecisionTableView table() { return table; }
}
