package gpufaas.views;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MVVM rules of STYLE.md, checked on the sources: view models never import javafx.scene (nor
 * javafx.stage); the engine-side and pure logic classes import no JavaFX at all; a view and its
 * view model share a base name.
 */
class MvvmRulesTest {
    private static final Path SRC = Path.of("src/main/java/gpufaas/views");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(SRC)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void viewModels_importNoSceneOrStageTypes() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path p : sources()) {
            if (!p.getFileName().toString().endsWith("ViewModel.java")) continue;
            for (String line : Files.readAllLines(p)) {
                if (line.startsWith("import javafx.scene") || line.startsWith("import javafx.stage")) bad.add(p + ": " + line);
            }
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void engineSideAndPureLogic_importNoJavaFx() throws IOException {
        List<String> pure = List.of("run/", "transport/PacingClock.java", "transport/Speed.java", "transport/SpeedScale.java",
                "latency/LatencyAggregator.java", "latency/LatencyCurves.java", "decisions/DecisionLog.java",
                "decisions/DecisionExplainer.java", "decisions/DecisionRecord.java", "decisions/DecisionTablePainter.java", "teaching/Breakpoints.java",
                "live/TimelineBuffer.java", "live/TagScale.java", "live/PixelRaster.java", "live/GlyphAtlas.java",
                "live/FlowTablePainter.java", "live/ResidencyPainter.java", "live/RasterTheme.java", "live/DrawnBlock.java",
                "compare/CompareRunner.java", "main/FrameStats.java",
                "main/WorkbenchSettings.java", "experiment/InputFileKind.java", "experiment/TraceIats.java");
        List<String> bad = new ArrayList<>();
        for (Path p : sources()) {
            String rel = SRC.relativize(p).toString().replace('\\', '/');
            if (pure.stream().noneMatch(rel::startsWith)) continue;
            for (String line : Files.readAllLines(p)) if (line.startsWith("import javafx")) bad.add(rel + ": " + line);
        }
        assertThat(bad).isEmpty();
    }

    @Test
    void everyView_hasAViewModelOfTheSameBaseName() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path p : sources()) {
            String n = p.getFileName().toString();
            if (!n.endsWith("View.java")) continue;
            String base = n.substring(0, n.length() - "View.java".length());
            boolean feature = Files.exists(p.resolveSibling(base + "ViewModel.java"));
            boolean part = List.of("FlowTable", "DecisionTable", "DeviceTimeline", "ResidencyMap", "ParamEditor", "FunctionTable").contains(base);
            if (!feature && !part) missing.add(n);
        }
        assertThat(missing).isEmpty();
    }
}
