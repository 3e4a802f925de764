package gpufaas.views;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The MVVM rules of STYLE.md, checked on the compiled classes (every reference counts, not only
 * imports): view models use no scene-graph or stage types; the engine side of the GUI and the
 * plain-Java logic use no JavaFX at all; a view and its view model share a base name; views reach
 * the engine only through their view models and the run session.
 */
@AnalyzeClasses(packages = "gpufaas.views", importOptions = ImportOption.DoNotIncludeTests.class)
class MvvmArchitectureTest {

    /** Plain-Java classes outside the run package: logic, painters into pixel buffers, settings (nested classes included). */
    static final Set<String> PURE = Set.of(
            "gpufaas.views.transport.PacingClock",
            "gpufaas.views.transport.Speed",
            "gpufaas.views.transport.SpeedScale",
            "gpufaas.views.latency.LatencyAggregator",
            "gpufaas.views.latency.LatencyCurves",
            "gpufaas.views.decisions.DecisionLog",
            "gpufaas.views.decisions.DecisionExplainer",
            "gpufaas.views.decisions.DecisionRecord",
            "gpufaas.views.decisions.DecisionTablePainter",
            "gpufaas.views.teaching.Breakpoints",
            "gpufaas.views.live.TimelineBuffer",
            "gpufaas.views.live.TagScale",
            "gpufaas.views.live.PixelRaster",
            "gpufaas.views.live.GlyphAtlas",
            "gpufaas.views.live.FlowTablePainter",
            "gpufaas.views.live.ResidencyPainter",
            "gpufaas.views.live.RasterTheme",
            "gpufaas.views.live.DrawnBlock",
            "gpufaas.views.compare.CompareRunner",
            "gpufaas.views.main.FrameStats",
            "gpufaas.views.main.WorkbenchSettings",
            "gpufaas.views.experiment.InputFileKind",
            "gpufaas.views.experiment.TraceIats");

    /** Views that are parts of a feature's view and share its view model. */
    static final Set<String> PARTS =
            Set.of("FlowTable", "DecisionTable", "DeviceTimeline", "ResidencyMap", "ParamEditor", "FunctionTable");

    static final DescribedPredicate<JavaClass> PURE_LOGIC = DescribedPredicate.describe(
            "are plain-Java logic of the GUI",
            c -> c.getPackageName().equals("gpufaas.views.run")
                    || c.getPackageName().startsWith("gpufaas.views.run.")
                    || PURE.contains(topLevel(c).getName()));

    static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) t = t.getEnclosingClass().get();
        return t;
    }

    @ArchTest
    static final ArchRule viewModelsUseNoSceneOrStageTypes = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("view models hold state and commands; only views build nodes (STYLE.md, JabRef's MVVM rules)");

    @ArchTest
    static final ArchRule engineSideAndPureLogicUseNoJavaFx = noClasses()
            .that(PURE_LOGIC)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..")
            .because("engine work stays off the FX thread and the painters and aggregators are tested without JavaFX");

    @ArchTest
    static final ArchRule everyViewHasAViewModelOfTheSameBaseName = classes()
            .that()
            .haveSimpleNameEndingWith("View")
            .and()
            .areTopLevelClasses()
            .should(haveAViewModelOrBeAPart())
            .because("a view and its view model share a base name (STYLE.md)");

    @ArchTest
    static final ArchRule viewsReachTheEngineOnlyThroughTheirViewModels = noClasses()
            .that()
            .haveSimpleNameEndingWith("View")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("gpufaas.engine.run..")
            .because(
                    "a view binds to its view model; the run session (gpufaas.views.run) drives the engine off the FX thread");

    private static ArchCondition<JavaClass> haveAViewModelOrBeAPart() {
        return new ArchCondition<>(
                "have a view model of the same base name in their package, or be a part of another view") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                String base =
                        view.getSimpleName().substring(0, view.getSimpleName().length() - "View".length());
                boolean hasModel = view.getPackage().getClasses().stream()
                        .anyMatch(c -> c.getSimpleName().equals(base + "ViewModel"));
                if (!hasModel && !PARTS.contains(base)) {
                    events.add(SimpleConditionEvent.violated(view, view.getName() + " has no " + base + "ViewModel"));
                }
            }
        };
    }
}
