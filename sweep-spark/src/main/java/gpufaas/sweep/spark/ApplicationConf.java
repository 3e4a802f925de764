package gpufaas.sweep.spark;

import gpufaas.sweep.spark.task.PointJob;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;

/** The Spark settings of a sweep's application. */
final class ApplicationConf {
    static final String APP_NAME = "gpufaas-workbench sweep";

    private ApplicationConf() {}

    /**
     * The workbench's jars go to the executors and come first there (a cluster's Spark may carry other
     * versions of Jackson and the like); no web UI; no limit on the results Spark collects (each point's
     * result is handled as it arrives and limited by {@link PointJob#MAX_RESULT_BYTES});
     * a driver next to a master on the loopback address binds there too. {@code userConf} comes last.
     */
    static SparkConf build(MasterAddress master, SparkJars jars, Map<String, String> userConf) {
        SparkConf c = new SparkConf()
                .setMaster(master.url())
                .setAppName(APP_NAME)
                .set("spark.jars", jars.app().stream().map(Path::toString).collect(Collectors.joining(",")))
                .set("spark.executor.userClassPathFirst", "true")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.maxResultSize", "0");
        if (master.loopback()) c.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        userConf.forEach(c::set);
        return c;
    }
}
