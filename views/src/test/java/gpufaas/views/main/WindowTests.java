package gpufaas.views.main;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

/** What the window's UI tests share: the window opened on a preset, waiting for a condition, whether a node shows. */
final class WindowTests {
    private WindowTests() {}

    /** The main window at {@code width} × {@code height} with {@code preset} loaded (FX thread, in a test's start). */
    static MainWindow open(Stage stage, WorkbenchServices services, int width, int height, String preset) {
        MainWindow w = new MainWindow(stage, services, WorkbenchSettings.none());
        stage.setWidth(width);
        stage.setHeight(height);
        stage.show();
        w.experiment().loadPreset(preset);
        w.loadExperiment();
        return w;
    }

    /** Waits up to {@code seconds} for {@code c}, then for the FX thread's pending events. */
    static void waitUntil(int seconds, Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether {@code n} is in the scene and it and every parent are visible. */
    static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return n.getScene() != null;
    }
}
