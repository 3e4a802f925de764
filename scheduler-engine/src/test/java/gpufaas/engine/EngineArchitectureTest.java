package gpufaas.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The engine's rules (ARCHITECTURE.md, "Modules"; STYLE.md, "Conventions") checked on its compiled
 * classes: it depends on no other module of the project and on no library but HdrHistogram (no
 * JavaFX, Jackson, JCuda, docker-java or Spark), reads no files, environment variables or system
 * properties, reads time only from its time source and randomness only from seeded streams.
 */
@AnalyzeClasses(packages = "gpufaas.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnlyOnTheJdkAndHdrHistogram = classes()
            .that()
            .resideInAPackage("gpufaas.engine..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("gpufaas.engine..", "java.lang..", "java.util..", "java.math..", "org.HdrHistogram..")
            .because(
                    "scheduler-engine is pure Java: no other module, no files, no UI or container libraries (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule readsNoEnvironmentOrSystemProperties = noClasses()
            .that()
            .resideInAPackage("gpufaas.engine..")
            .should()
            .callMethod(System.class, "getenv", String.class)
            .orShould()
            .callMethod(System.class, "getenv")
            .orShould()
            .callMethod(System.class, "getProperty", String.class)
            .orShould()
            .callMethod(System.class, "getProperty", String.class, String.class)
            .orShould()
            .callMethod(System.class, "getProperties")
            .orShould()
            .callMethod(Boolean.class, "getBoolean", String.class)
            .orShould()
            .callMethod(Integer.class, "getInteger", String.class)
            .orShould()
            .callMethod(Long.class, "getLong", String.class)
            .because("a run is decided by its configuration alone (STYLE.md)");

    /** The one clock read outside the time sources: the host time of a run, summary.json's wall_ms (decision record 5). */
    @ArchTest
    static final ArchRule readsTimeOnlyFromItsTimeSource = noClasses()
            .that()
            .resideInAPackage("gpufaas.engine..")
            .and()
            .resideOutsideOfPackage("gpufaas.engine.time")
            .and()
            .doNotHaveFullyQualifiedName("gpufaas.engine.run.Engine")
            .should()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("java.time..")
            .because("the engine reads time only from its time source (STYLE.md)");

    @ArchTest
    static final ArchRule drawsRandomnessOnlyFromSeededStreams = noClasses()
            .that()
            .resideInAPackage("gpufaas.engine..")
            .and()
            .doNotHaveFullyQualifiedName("gpufaas.engine.time.SeededStreams")
            .should()
            .callConstructor(SplittableRandom.class, long.class)
            .orShould()
            .callConstructor(SplittableRandom.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(Random.class)
            .orShould()
            .dependOnClassesThat()
            .areAssignableTo(ThreadLocalRandom.class)
            .orShould()
            .callMethod(Math.class, "random")
            .because("the same seed must give the same run: every random stream comes from SeededStreams (STYLE.md)");
}
