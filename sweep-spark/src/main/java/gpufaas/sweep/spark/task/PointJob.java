package gpufaas.sweep.spark.task;

import gpufaas.app.PointRunner;
import gpufaas.engine.model.BadInputException;
import java.io.IOException;
import java.io.Serializable;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.spark.SparkFiles;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The task of one sweep point on an executor (each partition of the sweep's job holds one point).
 * It never throws for the point's own failure: that comes back as a {@link PointFailure}, so the
 * driver reports it as a local sweep would and Spark does not retry it. Ship mode runs the point on
 * local copies of its inputs into a scratch folder and returns the folder's files; shared mode runs
 * it in place.
 */
public final class PointJob extends AbstractFunction1<Iterator<ShippedPoint>, PointResult> implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The most a result folder may bring back, deflated (one task result; a Java array's limit is 2 GiB). */
    public static final long MAX_RESULT_BYTES = 1L << 30;

    @Override
    public PointResult apply(Iterator<ShippedPoint> points) {
        ShippedPoint p = points.next();
        return run(
                p,
                Path.of(SparkFiles.getRootDirectory()).toAbsolutePath(),
                name -> Path.of(SparkFiles.get(name)).toAbsolutePath());
    }

    /**
     * Runs {@code p}: in ship mode in a folder of its own under {@code scratch}, its copies found by
     * {@code fetched}; in shared mode in place.
     */
    public static PointResult run(ShippedPoint p, Path scratch, Function<String, Path> fetched) {
        String host = host();
        if (!p.shipMode()) return runShared(p, host);
        Path root = null;
        LocalCopies copies = null;
        try {
            root = Files.createTempDirectory(scratch, "point-" + p.task().index() + "-");
            LocalCopies.Relocated r = LocalCopies.relocate(p, root, fetched);
            copies = r.copies();
            Path out = root.resolve("out");
            PointRunner.runOnCopies(p.task().relocated(r.experiment(), out.toString()));
            List<ResultFile> files = pack(out);
            PointResult result = new PointResult(p.task().index(), host, files, null);
            if (result.deflatedBytes() > MAX_RESULT_BYTES) {
                throw new BadInputException(
                        "--cluster",
                        0,
                        null,
                        String.format(
                                Locale.ROOT,
                                "the result folder of sweep point %d "
                                        + "(%s) is %.0f MiB deflated, more than a point brings back from the cluster (%d MiB); run with "
                                        + "--shared-dir, or with --no-invocations",
                                p.task().index(),
                                p.task().label(),
                                result.deflatedBytes() / 1048576.0,
                                MAX_RESULT_BYTES >> 20));
            }
            return result;
        } catch (Throwable t) {
            return new PointResult(p.task().index(), host, List.of(), PointFailure.of(t, copies));
        } finally {
            if (root != null) FileTrees.deleteQuietly(root);
        }
    }

    private static PointResult runShared(ShippedPoint p, String host) {
        try {
            if (!Files.isDirectory(Path.of(p.sharedDir()))) {
                throw new BadInputException(
                        "--shared-dir",
                        0,
                        null,
                        "the executor on " + host + " does not see " + p.sharedDir()
                                + " (it must be at the same path on every machine of the cluster)");
            }
            PointRunner.run(p.task());
            return new PointResult(p.task().index(), host, List.of(), null);
        } catch (Throwable t) {
            return new PointResult(p.task().index(), host, List.of(), PointFailure.of(t, null));
        }
    }

    private static List<ResultFile> pack(Path out) throws IOException {
        List<ResultFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.sorted().toList()) {
                if (!Files.isRegularFile(f)) throw new IOException("unexpected entry in a result folder: " + f);
                files.add(ResultFile.read(f));
            }
        }
        return files;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unknown host";
        }
    }
}
