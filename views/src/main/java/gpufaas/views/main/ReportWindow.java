package gpufaas.views.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A window with a reproduction's report: its headline and folder, {@code report.md} as written,
 * and one tab per chart (the published values are the markers on them).
 */
final class ReportWindow {
    private ReportWindow() {}

    /** What the window shows, read off the FX thread: the report's text and its charts, in name order. */
    record Contents(Reproducer.Result result, String text, List<Path> charts) {
        static Contents read(Reproducer.Result r) throws IOException {
            Path dir = r.report().toAbsolutePath().getParent();
            try (Stream<Path> s = Files.list(dir)) {
                List<Path> charts = s.filter(p -> p.getFileName().toString().endsWith(".png"))
                        .sorted()
                        .toList();
                return new Contents(r, Files.readString(r.report()), charts);
            }
        }
    }

    static Stage open(Window owner, Contents c, List<String> stylesheets) {
        Reproducer.Result r = c.result();
        Path dir = r.report().toAbsolutePath().getParent();
        Label head = new Label(String.format(
                "%d of %d targets met. The report, its CSV and the charts are in %s", r.met(), r.targets(), dir));
        head.setId("report-headline");
        head.setWrapText(true);
        head.setPadding(new Insets(8));
        head.getStyleClass().add("section-title");
        TextArea md = new TextArea(c.text());
        md.setId("report-text");
        md.setEditable(false);
        md.setStyle("-fx-font-family: 'DejaVu Sans Mono', monospace;");
        TabPane tabs = new TabPane(new Tab("report.md", md));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (Path png : c.charts()) {
            ImageView v = new ImageView(new Image(png.toUri().toString(), true)); // decoded in the background
            v.setPreserveRatio(true);
            ScrollPane sp = new ScrollPane(v);
            tabs.getTabs().add(new Tab(png.getFileName().toString(), sp));
        }
        BorderPane root = new BorderPane(tabs);
        root.setTop(head);
        Stage st = new Stage();
        st.initOwner(owner);
        st.setTitle("Reproduction of the MQFQ-Sticky dissertation: " + dir.getFileName());
        Scene scene = new Scene(root, 1000, 760);
        scene.getStylesheets().addAll(stylesheets);
        st.setScene(scene);
        st.show();
        return st;
    }
}
