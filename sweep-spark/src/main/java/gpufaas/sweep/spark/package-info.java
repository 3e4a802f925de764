/**
 * The driver side of sweeps on an Apache Spark standalone cluster: {@link gpufaas.sweep.spark.SparkSweepCluster}
 * (found by the app through {@link java.util.ServiceLoader}) connects a
 * {@link gpufaas.sweep.spark.SparkSweepExecutor} to a master, which runs every point as one task of one
 * job, writes the folders that come back (ship mode) and stops at the first failure, at a lost master or
 * at Ctrl+C. The jars it sends and the daemons' class path come from {@link gpufaas.sweep.spark.SparkJars}.
 */
package gpufaas.sweep.spark;
