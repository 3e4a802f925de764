package gpufaas.views.decisions;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The Decisions tab: search, the log of dispatch decisions, and the selected one explained. */
public final class DecisionsView extends BorderPane {
    private final DecisionsViewModel vm;
    private final TableView<DecisionRecord> table;
    private int shownSize = -1;
    private long lastSync;
    static final long SYNC_EVERY_NANOS = 500_000_000L;

    public DecisionsView(DecisionsViewModel vm) {
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
        status.textProperty().bind(vm.status);
        HBox top = new HBox(8, new Label("Search"), search, follow, status);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);

        table = new TableView<>(vm.visible);
        table.setId("decision-table");
        table.setPlaceholder(new Label("No decisions yet: press Play, or Step decision to take one at a time."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                col("#", r -> Long.toString(r.seq()), 60),
                col("time (s)", r -> DecisionExplainer.seconds(r.timeUs()), 90),
                col("function", DecisionRecord::function, 130),
                col("device", DecisionRecord::device, 90),
                col("start", r -> DecisionExplainer.startLabel(r.startType()), 130),
                col("queued (s)", r -> String.format(Locale.ROOT, "%.3f", r.queueMs() / 1000), 90),
                col("why", DecisionExplainer::summary, 320)));
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selected.set(b));
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

    private static TableColumn<DecisionRecord, String> col(String title, Function<DecisionRecord, String> f, double w) {
        TableColumn<DecisionRecord, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        c.setPrefWidth(w);
        c.setSortable(false);
        return c;
    }

    /** Keeps the newest decision in view while following (FX thread, once per frame). */
    public void refresh() {
        // a few steps' decisions show at once; a playing run's stream (thousands a second, too fast to read) is taken
        // in twice a second: each take shifts every visible row, and the table restyles and relays them all
        long now = System.nanoTime();
        if (vm.pendingCount() > 8 && now - lastSync < SYNC_EVERY_NANOS) return;
        lastSync = now;
        vm.sync();
        int n = vm.visible.size();
        if (n != shownSize) {
            shownSize = n;
            if (vm.follow.get() && n > 0 && vm.selected.get() == null) table.scrollTo(n - 1);
        }
    }

    public TableView<DecisionRecord> table() { return table; }
}
