package gpufaas.sweep.spark;

import gpufaas.app.SweepCluster;
import gpufaas.app.SweepExecutor;
import gpufaas.sweep.spark.daemon.SparkDaemon;
import java.io.PrintWriter;

/** Apache Spark standalone clusters ({@code spark://HOST:PORT}) for the app, found through ServiceLoader. */
public final class SparkSweepCluster implements SweepCluster {

    @Override
    public String scheme() {
        return "spark";
    }

    @Override
    public SweepExecutor connect(Connection connection) {
        return SparkSweepExecutor.connect(connection, () -> SparkJars.fromSystemProperties("--cluster"));
    }

    @Override
    public int runMaster(Master master, PrintWriter err) throws Exception {
        return SparkDaemon.master(
                        master, SparkJars.fromSystemProperties("cluster master").spark())
                .run(err);
    }

    @Override
    public int runWorker(Worker worker, PrintWriter err) throws Exception {
        return SparkDaemon.worker(
                        worker, SparkJars.fromSystemProperties("cluster worker").spark())
                .run(err);
    }
}
