package gpufaas.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.live.DeviceTimelineView;
import gpufaas.views.live.FlowTableView;
import gpufaas.views.run.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every control stays legible from 1024×700 up, in the normal and the presenter mode: on every tab
 * and both side panels, no label, button, tab, column header, cell or choice shows its text cut
 * with an ellipsis (the text JavaFX renders equals the control's text), none reaches past the
 * window's edge unless it can be scrolled to, and the painted tables cut no title or cell.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LegibilityIT {
    private MainWindow w;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        w = WindowTests.open(stage, MainWindowIT.services(), 1400, 900, "teaching-3");
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(w::close);
    }

    private static void waitUntil(Callable<Boolean> c) throws Exception {
        WindowTests.waitUntil(20, c);
    }

    static boolean shown(Node n) {
        return WindowTests.shown(n);
    }

    /** Inside something that scrolls (a scroll pane's content, a table's rows): it may reach past the window. */
    private static boolean scrollable(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane || p instanceof TableView<?> || p instanceof ListView<?>) return true;
        }
        return false;
    }

    private static String rendered(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) if (c instanceof Text t) return t.getText();
        return null;
    }

    /** The words cut (ellipsis) or reaching past the window, each "what: why". */
    private List<String> problems(String where) {
        return problems(w, where);
    }

    /** The words cut in window {@code w} (its visible tab and side panel), each "where: what". */
    static List<String> problems(MainWindow w, String where) {
        List<String> out = new ArrayList<>();
        Parent root = w.scene().getRoot();
        root.applyCss();
        root.layout();
        double sw = w.scene().getWidth();
        double sh = w.scene().getHeight();
        List<Node> all = new ArrayList<>();
        collect(root, all);
        for (Node n : all) {
            if (!(n instanceof Labeled l) || !shown(l)) continue;
            String text = l.getText();
            if (text == null || text.isBlank()) continue;
            if (l.isMnemonicParsing()) text = text.replaceFirst("_", "");
            String shownText = rendered(l);
            String name =
                    l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + " \"" + text + "\"";
            if (shownText != null && !shownText.replace("\n", " ").equals(text.replace("\n", " "))) {
                out.add(where + ": " + name + " shows \"" + shownText + "\"");
            }
            if (!scrollable(l)) {
                Bounds b = l.localToScene(l.getLayoutBounds());
                if (b.getMaxX() > sw + 1 || b.getMaxY() > sh + 1) {
                    out.add(where + ": " + name + " reaches " + Math.round(b.getMaxX()) + "," + Math.round(b.getMaxY())
                            + " past the window " + Math.round(sw) + "×" + Math.round(sh));
                }
            }
            {
                Bounds b = l.localToScene(l.getLayoutBounds());
                // nor cut by a pane that clips its content (a split pane's part too small for it); a scroll pane's or a
                // table's view clips what can be scrolled to, and is not such a pane
                for (Node p = l.getParent(); p != null; p = p.getParent()) {
                    if (p instanceof ScrollPane
                            || p.getParent() instanceof ScrollPane
                            || p instanceof TableView<?>
                            || p instanceof ListView<?>
                            || p.getClass().getSimpleName().equals("ClippedContainer")
                            || p.getClass().getSimpleName().equals("TableHeaderRow")) {
                        break;
                    }
                    if (p.getClip() == null) continue;
                    Bounds c = p.localToScene(p.getClip().getBoundsInParent());
                    if (b.getMinX() < c.getMinX() - 1
                            || b.getMinY() < c.getMinY() - 1
                            || b.getMaxX() > c.getMaxX() + 1
                            || b.getMaxY() > c.getMaxY() + 1) {
                        out.add(where + ": " + name + " is cut by "
                                + p.getClass().getSimpleName());
                        break;
                    }
                }
            }
        }
        // every part of a split pane gets at least its least height (else it is centred and cut top and bottom)
        for (Node n : all) {
            if (!(n instanceof SplitPane sp) || !shown(sp)) continue;
            for (Node it : sp.getItems()) {
                if (!(it instanceof Region r)) continue;
                double least = r.minHeight(r.getWidth());
                if (sp.getOrientation() == Orientation.VERTICAL && r.getHeight() < least - 1) {
                    out.add(where + ": a part of a split pane is " + Math.round(r.getHeight())
                            + " px high, less than its " + Math.round(least));
                }
            }
        }
        for (String id : List.of("#live-scroll", "#decisions-scroll")) {
            if (w.scene().lookup(id) instanceof ScrollPane sp && shown(sp) && sp.getVvalue() > sp.getVmin()) {
                out.add(where + ": " + id + " opens scrolled down (" + sp.getVvalue() + ")");
            }
        }
        FlowTableView flows = w.liveView().flows();
        if (shown(flows))
            for (String t : flows.drawnTexts()) if (t.endsWith("…")) out.add(where + ": flow table cut \"" + t + "\"");
        if (w.selected() == WorkbenchTab.DECISIONS) {
            for (String t : w.decisionsView().table().drawnTexts())
                if (t.endsWith("…")) out.add(where + ": decision log cut \"" + t + "\"");
        }
        DeviceTimelineView tl = w.liveView().timeline();
        if (shown(tl)) {
            for (int line = 0; line < tl.legendRows(); line++) {
                if (tl.legendWidth(line) > tl.getWidth() - 16 + 1)
                    out.add(where + ": timeline legend line " + line + " too wide");
            }
        }
        return out;
    }

    private static void collect(Node n, List<Node> into) {
        into.add(n);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, into);
    }

    /** Fills every tab with content: decisions in the log, a finished comparison. */
    private void prepare(FxRobot robot) throws Exception {
        waitUntil(() -> w.transport().status.get() == RunStatus.READY);
        robot.interact(() -> w.transport().maxSpeed.set(true));
        for (int i = 0; i < 8; i++) robot.interact(() -> w.transport().stepDecision());
        waitUntil(() -> w.decisions().size() >= 8);
        robot.interact(() -> {
            w.select(WorkbenchTab.COMPARE);
            w.compareModel().chosen.setAll("mqfq-sticky", "fcfs");
            w.compare();
        });
        waitUntil(() -> !w.compareModel().running.get()
                && w.compareModel().rows.size() == 2
                && w.compareModel().rows.stream().allMatch(r -> r.status().equals("done")));
    }

    private List<String> everyTab(FxRobot robot, int width, int height, boolean presenter) throws Exception {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            w.teaching().presenter.set(presenter);
        });
        List<String> out = new ArrayList<>();
        String mode = width + "×" + height + (presenter ? " presenter" : "");
        for (WorkbenchTab t : WorkbenchTab.values()) {
            for (boolean teaching : new boolean[] {false, true}) {
                robot.interact(() -> {
                    w.select(t);
                    w.showTeaching(teaching);
                });
                // a few frames: painted views repaint, the left panel gives way on a narrow window
                long f = w.frames();
                waitUntil(() -> w.frames() > f + 20);
                out.addAll(WaitForAsyncUtils.waitForAsyncFx(
                        10_000,
                        () -> problems(mode + ", " + t.title() + (teaching ? " + Teaching" : " + Experiment"))));
            }
        }
        return out;
    }

    @Test
    void smallWindow_everyTab_noWordIsCut(FxRobot robot) throws Exception {
        prepare(robot);
        assertThat(everyTab(robot, 1024, 700, false)).isEmpty();
        // the left panel's words wrap within it: it needs no sideways scrolling at 1024 px
        ScrollPane scroll = robot.lookup("#experiment-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> w.showTeaching(false));
        double need = WaitForAsyncUtils.waitForAsyncFx(5000, () -> ((Region) scroll.getContent()).minWidth(-1));
        assertThat(need).isLessThanOrEqualTo(scroll.getViewportBounds().getWidth());
    }

    @Test
    void smallWindowInPresenterMode_everyTab_noWordIsCut(FxRobot robot) throws Exception {
        prepare(robot);
        assertThat(everyTab(robot, 1024, 700, true)).isEmpty();
    }

    @Test
    void projectorInPresenterMode_everyTab_noWordIsCut(FxRobot robot) throws Exception {
        prepare(robot);
        assertThat(everyTab(robot, 1600, 1000, true)).isEmpty();
    }

    @Test
    void largeWindow_everyTab_noWordIsCut(FxRobot robot) throws Exception {
        prepare(robot);
        assertThat(everyTab(robot, 1600, 1000, false)).isEmpty();
    }
}
