/**
 * Spark's own standalone Master and Worker started from the workbench's jars, without a Spark
 * installation ({@code ./workbench cluster master|worker}, and the integration test's cluster):
 * {@link gpufaas.sweep.spark.daemon.SparkDaemon} builds the process (Spark's module options, the
 * jars, clean-up of finished applications' files on a worker) with a {@link gpufaas.sweep.spark.daemon.SparkHome}
 * whose {@code jars/} links Spark's jars, the class path a worker gives its executors.
 */
package gpufaas.sweep.spark.daemon;
