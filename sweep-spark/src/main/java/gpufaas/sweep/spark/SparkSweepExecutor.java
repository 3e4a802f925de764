package gpufaas.sweep.spark;

import gpufaas.app.SweepCluster;
import gpufaas.app.SweepExecutor;
import gpufaas.app.SweepTask;
import gpufaas.engine.model.BadInputException;
import gpufaas.sweep.spark.task.FileTrees;
import gpufaas.sweep.spark.task.PointFailure;
import gpufaas.sweep.spark.task.PointJob;
import gpufaas.sweep.spark.task.PointResult;
import gpufaas.sweep.spark.task.ShippedPoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs a sweep's points on a Spark standalone cluster: one application per sweep, one job with one
 * task per point (points in order; Spark's FIFO scheduler starts the lowest-numbered first). Results
 * are handled as they arrive: a folder that came back is written (ship mode) and the progress
 * listener told. The first failed point cancels the rest (running tasks are interrupted) and its
 * failure is thrown as a local sweep throws it; a lost master stops the sweep with exit status 2.
 * Closing stops the application; so does Ctrl+C (Spark's own shutdown hook).
 */
final class SparkSweepExecutor implements SweepExecutor {
    /** After this long without any point started, the user is told what the sweep waits for. */
    static final long NOTE_AFTER_MS = 20_000;

    private static final long POLL_MS = 200;
    private static final long CANCEL_WAIT_MS = 10_000;

    private final MasterAddress master;
    private final Path sharedDir;
    private final SparkContext sc;
    private final PrintWriter err;
    private final AtomicBoolean started = new AtomicBoolean();
    private Path staging;

    private SparkSweepExecutor(MasterAddress master, Path sharedDir, SparkContext sc, PrintWriter err) {
        this.master = master;
        this.sharedDir = sharedDir;
        this.sc = sc;
        this.err = err;
        sc.addSparkListener(new SparkListener() {
            @Override
            public void onTaskStart(SparkListenerTaskStart taskStart) {
                started.set(true);
            }
        });
    }

    /** Starts the sweep's application on the master of {@code c}; a master that does not answer is bad input. */
    static SparkSweepExecutor connect(SweepCluster.Connection c, Supplier<SparkJars> jars) {
        MasterAddress master = MasterAddress.parse(c.url(), "--cluster");
        String why = master.unreachable(3000);
        if (why != null) {
            throw new BadInputException(
                    "--cluster", 0, null, "cannot reach the Spark master at " + c.url() + " (" + why + ")");
        }
        SparkConf conf = ApplicationConf.build(master, jars.get(), c.conf());
        SparkContext sc;
        try {
            sc = new SparkContext(conf);
        } catch (RuntimeException e) {
            throw new BadInputException(
                    "--cluster", 0, null, "cannot start a Spark application on " + c.url() + ": " + firstLine(e));
        }
        return new SparkSweepExecutor(
                master,
                c.sharedDir() == null ? null : c.sharedDir().toAbsolutePath().normalize(),
                sc,
                c.err());
    }

    @Override
    public String where(int points) {
        return master.url() + (sharedDir == null ? "" : " (shared folder " + sharedDir + ")");
    }

    @Override
    public void execute(List<SweepTask> tasks, Listener listener) throws Exception {
        List<ShippedPoint> points = ship(tasks);
        Map<Integer, SweepTask> byIndex = new TreeMap<>();
        for (ShippedPoint p : points) byIndex.put(p.task().index(), p.task());
        String group = "sweep-" + UUID.randomUUID();
        sc.setJobGroup(group, ApplicationConf.APP_NAME, true);
        BlockingQueue<PointResult> results = new LinkedBlockingQueue<>();
        RDD<ShippedPoint> rdd = sc.parallelize(
                CollectionConverters.asScala(points).toSeq(),
                points.size(),
                ClassTag$.MODULE$.apply(ShippedPoint.class));
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) partitions.add(i);
        SimpleFutureAction<BoxedUnit> job = sc.submitJob(
                rdd,
                new PointJob(),
                CollectionConverters.asScala(partitions).toList(),
                new Enqueue(results),
                new Nothing());
        Map<Integer, PointFailure> failures = new TreeMap<>();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread onStop = new Thread(() -> stopping.set(true), "sweep-stopping");
        Runtime.getRuntime().addShutdownHook(onStop);
        long t0 = System.nanoTime();
        boolean noted = false;
        int done = 0;
        try (MasterWatch watch = new MasterWatch(master)) {
            while (done < points.size() && failures.isEmpty()) {
                PointResult r = results.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (r != null) {
                    if (r.failure() != null) {
                        failures.put(r.index(), r.failure());
                        continue;
                    }
                    SweepTask t = byIndex.get(r.index());
                    if (sharedDir == null) ResultFolder.write(t, r);
                    listener.finished(t, ++done, points.size());
                    continue;
                }
                String lost = watch.lost();
                if (lost != null) {
                    sc.cancelJobGroup(group);
                    throw new BadInputException(
                            "--cluster",
                            0,
                            null,
                            "lost the Spark master at " + master.url() + " (" + lost + "); the sweep was stopped");
                }
                if (job.isCompleted() && results.isEmpty()) throw clusterFailure(job, stopping.get());
                if (!noted && !started.get() && System.nanoTime() - t0 > NOTE_AFTER_MS * 1_000_000) {
                    noted = true;
                    err.println(
                            "note: no point has started on " + master.url() + " after " + NOTE_AFTER_MS / 1000 + " s; "
                                    + "waiting for an executor (are workers registered, with a free core and the memory an "
                                    + "executor asks for, spark.executor.memory, 1g unless set? the master's web UI lists them)");
                    err.flush();
                }
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onStop);
            } catch (IllegalStateException alreadyStopping) {
                // the JVM is stopping (Ctrl+C); Spark's own hook stops the application
            }
        }
        if (!failures.isEmpty()) {
            sc.cancelJobGroup(group);
            drainFailures(job, results, failures);
            throw failures.values().iterator().next().toException();
        }
    }

    /** Waits a little for the cancelled job to end, keeping failures of lower-numbered points that arrive meanwhile. */
    private static void drainFailures(
            SimpleFutureAction<BoxedUnit> job, BlockingQueue<PointResult> results, Map<Integer, PointFailure> failures)
            throws InterruptedException {
        long end = System.nanoTime() + CANCEL_WAIT_MS * 1_000_000;
        while (System.nanoTime() < end && !(job.isCompleted() && results.isEmpty())) {
            PointResult r = results.poll(POLL_MS, TimeUnit.MILLISECONDS);
            if (r != null && r.failure() != null) failures.put(r.index(), r.failure());
        }
    }

    /** The points as they travel: absolute output folders; in ship mode with their files added to the application. */
    private List<ShippedPoint> ship(List<SweepTask> tasks) throws IOException {
        List<ShippedPoint> points = new ArrayList<>();
        ShippedInputs inputs = null;
        if (sharedDir == null) {
            staging = Files.createTempDirectory("gpufaas-sweep-inputs-");
            inputs = new ShippedInputs(sc, staging);
        }
        for (SweepTask t : tasks) {
            SweepTask abs = t.relocated(
                    t.experiment(), Path.of(t.outDir()).toAbsolutePath().toString());
            points.add(
                    inputs == null
                            ? new ShippedPoint(abs, Map.of(), sharedDir.toString())
                            : new ShippedPoint(abs, inputs.add(t), null));
        }
        return points;
    }

    /** The job ended without every point's result: the application was stopped, or Spark gave up on a task. */
    private RuntimeException clusterFailure(SimpleFutureAction<BoxedUnit> job, boolean stopping) {
        Try<BoxedUnit> outcome = job.value().get();
        String why = outcome.isFailure() ? firstLine(outcome.failed().get()) : "the job ended early";
        if (stopping)
            return new BadInputException("--cluster", 0, null, "the sweep was cancelled (this process is stopping)");
        if (sc.isStopped()) {
            return new BadInputException(
                    "--cluster", 0, null, "the Spark application on " + master.url() + " was stopped: " + why);
        }
        return new IllegalStateException("the sweep's Spark job on " + master.url() + " failed: " + why);
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null || t.getMessage().isBlank() ? t.toString() : t.getMessage();
        return m.strip().lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        sc.stop();
        if (staging != null) FileTrees.deleteQuietly(staging);
    }

    /** Puts each point's result on the queue the sweep's thread reads (runs on Spark's scheduler thread). */
    private static final class Enqueue extends AbstractFunction2<Object, PointResult, BoxedUnit> {
        private final BlockingQueue<PointResult> results;

        Enqueue(BlockingQueue<PointResult> results) {
            this.results = results;
        }

        @Override
        public BoxedUnit apply(Object partition, PointResult result) {
            results.add(result);
            return BoxedUnit.UNIT;
        }
    }

    /** The job's overall result: none, the points' results are handled one by one. */
    private static final class Nothing extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
