package gpufaas.sweep.spark.daemon;

import gpufaas.sweep.spark.task.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for a Spark installation: a temporary folder whose {@code jars/} holds links to Spark's
 * jars. A worker starts its executors with {@code SPARK_HOME/jars/*} as their class path, as on a
 * cluster installed from Spark's distribution; the workbench's own classes reach them only as a
 * sweep's shipped jars.
 */
final class SparkHome implements AutoCloseable {
    private final Path dir;

    private SparkHome(Path dir) {
        this.dir = dir;
    }

    static SparkHome create(List<Path> sparkJars) throws IOException {
        Path dir = Files.createTempDirectory("gpufaas-spark-home-");
        Path jars = Files.createDirectory(dir.resolve("jars"));
        for (Path j : sparkJars) {
            Path link = jars.resolve(j.getFileName().toString());
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) continue;
            FileTrees.linkOrCopy(link, j);
        }
        return new SparkHome(dir);
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        FileTrees.deleteQuietly(dir);
    }
}
