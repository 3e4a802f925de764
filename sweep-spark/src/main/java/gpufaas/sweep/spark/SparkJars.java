package gpufaas.sweep.spark;

import gpufaas.engine.model.BadInputException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two sets of jars a sweep on Spark deals with, named by the launcher ({@code ./workbench}
 * passes both as system properties):
 *
 * @param app   the workbench's jars (app, its dependencies, sweep-spark): sent to the executors
 *              ({@code spark.jars}, ahead of Spark's own)
 * @param spark Spark and its dependencies: the class path of the master and worker processes and
 *              their {@code SPARK_HOME/jars}, which their executors start with
 */
public record SparkJars(List<Path> app, List<Path> spark) {
    /** System property with the app's jars, separated by the path separator. */
    public static final String APP_PROPERTY = "gpufaas.sweep.jars";
    /** System property with Spark's jars, separated by the path separator. */
    public static final String SPARK_PROPERTY = "gpufaas.spark.jars";

    public SparkJars {
        app = List.copyOf(app);
        spark = List.copyOf(spark);
    }

    /** The sets the launcher named; a {@link BadInputException} naming {@code option} when it did not. */
    public static SparkJars fromSystemProperties(String option) {
        return new SparkJars(list(APP_PROPERTY, option), list(SPARK_PROPERTY, option));
    }

    /** Splits a class path into its entries. */
    public static List<Path> split(String classPath) {
        List<Path> out = new ArrayList<>();
        for (String s : classPath.split(File.pathSeparator)) if (!s.isBlank()) out.add(Path.of(s.strip()));
        return out;
    }

    private static List<Path> list(String property, String option) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            throw new BadInputException(
                    option,
                    0,
                    null,
                    "the system property " + property + " does not name the jars it needs; "
                            + "run it through ./workbench, which sets it");
        }
        List<Path> jars = split(v);
        for (Path j : jars) {
            if (!Files.isRegularFile(j)) {
                throw new BadInputException(
                        option,
                        0,
                        null,
                        property + " names " + j + ", which is not a jar file; " + "rebuild with ./workbench --help");
            }
        }
        return jars;
    }
}
