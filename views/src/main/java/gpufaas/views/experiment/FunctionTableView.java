package gpufaas.views.experiment;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.views.style.Legible;
import gpufaas.workload.catalog.BenchmarkCatalog;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;

/**
 * The composer's table: one editable row per function (name, catalog base, GPU warm and cold
 * time, footprint, arrival process and mean rate), with the row's problem shown at the end.
 */
final class FunctionTableView extends TableView<FunctionRowModel> {
    FunctionTableView(ExperimentViewModel vm) {
        super(vm.functions);
        setEditable(true);
        setId("function-table");
        setPlaceholder(new Label("No functions: add one from the catalog below."));
        setPrefHeight(230);
        setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);

        TableColumn<FunctionRowModel, String> base = new TableColumn<>("base");
        base.setCellValueFactory(c -> c.getValue().base);
        base.setCellFactory(ComboBoxTableCell.forTableColumn(
                FXCollections.observableArrayList(BenchmarkCatalog.get().names())));
        base.setOnEditCommit(e -> {
            FunctionRowModel r = e.getRowValue();
            r.base.set(e.getNewValue());
            FunctionSpec f = BenchmarkCatalog.get().function(e.getNewValue());
            r.warmMs.set(FunctionRowModel.num(f.gpuWarmMs()));
            r.coldMs.set(FunctionRowModel.num(f.gpuColdMs()));
            r.memMb.set(FunctionRowModel.num(f.gpuMemMb()));
            r.validate();
            vm.preset.set("");
        });
        base.setPrefWidth(88);

        TableColumn<FunctionRowModel, ArrivalKind> arrival = new TableColumn<>("arrivals");
        arrival.setCellValueFactory(c -> c.getValue().arrival);
        arrival.setCellFactory(ComboBoxTableCell.forTableColumn(ArrivalKind.values()));
        arrival.setOnEditCommit(e -> {
            e.getRowValue().arrival.set(e.getNewValue());
            e.getRowValue().validate();
            vm.preset.set("");
        });
        arrival.setPrefWidth(82);

        TableColumn<FunctionRowModel, String> problem = new TableColumn<>("problem");
        problem.setCellValueFactory(c -> c.getValue().problem);
        problem.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().remove("error-text");
                if (!empty && s != null && !s.isEmpty()) getStyleClass().add("error-text");
            }
        });
        problem.setPrefWidth(200);

        getColumns()
                .setAll(List.of(
                        text("name", r -> r.name, 96, vm),
                        base,
                        text("warm ms", r -> r.warmMs, 64, vm),
                        text("cold ms", r -> r.coldMs, 64, vm),
                        text("MB", r -> r.memMb, 56, vm),
                        arrival,
                        text("rate/s", r -> r.ratePerS, 60, vm),
                        problem));
        // every column as wide as its title and its cells, in the table's own font (presenter mode included)
        Legible.fitColumns(this);
    }

    private static TableColumn<FunctionRowModel, String> text(
            String title, Function<FunctionRowModel, StringProperty> p, double width, ExperimentViewModel vm) {
        TableColumn<FunctionRowModel, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> p.apply(cd.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> {
            p.apply(e.getRowValue()).set(e.getNewValue());
            e.getRowValue().validate();
            vm.preset.set("");
        });
        c.setPrefWidth(width);
        return c;
    }

    static <T> ReadOnlyObjectWrapper<T> wrap(T v) {
        return new ReadOnlyObjectWrapper<>(v);
    }
}
