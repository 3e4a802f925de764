package gpufaas.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module graph of ARCHITECTURE.md ("Modules") and decision record 7, checked on the compiled
 * classes of every module the application is made of (app's test class path holds them all but
 * sweep-spark and bench): dependencies point one way, app → views → scheduler-engine,
 * app → gpu-backend → scheduler-engine, workload-presets → scheduler-engine, views →
 * workload-presets; and each outside library stays in the module that owns it.
 */
@AnalyzeClasses(packages = "gpufaas", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleLayeringTest {
    static final String APP = "gpufaas.app..";
    static final String VIEWS = "gpufaas.views..";
    static final String BACKEND = "gpufaas.backend..";
    static final String WORKLOAD = "gpufaas.workload..";
    static final String ENGINE = "gpufaas.engine..";

    @ArchTest
    static final ArchRule modulesDependOneWay = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("app")
            .definedBy(APP)
            .layer("views")
            .definedBy(VIEWS)
            .layer("gpu-backend")
            .definedBy(BACKEND)
            .layer("workload-presets")
            .definedBy(WORKLOAD)
            .layer("scheduler-engine")
            .definedBy(ENGINE)
            .whereLayer("app")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("views")
            .mayOnlyBeAccessedByLayers("app")
            .whereLayer("gpu-backend")
            .mayOnlyBeAccessedByLayers("app")
            .whereLayer("workload-presets")
            .mayOnlyBeAccessedByLayers("views", "app")
            .whereLayer("scheduler-engine")
            .mayOnlyBeAccessedByLayers("gpu-backend", "workload-presets", "views", "app")
            .because("views gets the simulator and the planner from app, never from gpu-backend (decision record 7)");

    @ArchTest
    static final ArchRule onlyTheGuiUsesJavaFxAndItsCharts = noClasses()
            .that()
            .resideInAnyPackage(ENGINE, BACKEND, WORKLOAD)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx..", "org.jfree..", "org.controlsfx..")
            .because("the engine, the backends and the file formats run headless");

    @ArchTest
    static final ArchRule onlyGpuBackendUsesCudaAndDocker = noClasses()
            .that()
            .resideOutsideOfPackage(BACKEND)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jcuda..", "com.github.dockerjava..")
            .because("the real backends are gpu-backend's; everything else sees the engine's backend interface");

    @ArchTest
    static final ArchRule jsonStaysWithTheFileFormatsAndTheCommandLine = noClasses()
            .that()
            .resideInAnyPackage(ENGINE, BACKEND, VIEWS)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.fasterxml.jackson..")
            .because(
                    "workload-presets reads and writes the JSON formats; the views edit ExperimentSpec, not JSON trees");

    @ArchTest
    static final ArchRule picocliStaysInApp = noClasses()
            .that()
            .resideOutsideOfPackage(APP)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("picocli..")
            .because("the command line is app's");

    @ArchTest
    static final ArchRule nothingDependsOnSpark = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.apache.spark..", "scala..")
            .because(
                    "sweep-spark alone has Spark on its class path; app finds it through ServiceLoader (decision record 22)");
}
