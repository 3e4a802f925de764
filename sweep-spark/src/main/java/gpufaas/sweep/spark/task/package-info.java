/**
 * What runs on a Spark executor: a sweep point shipped as {@link gpufaas.sweep.spark.task.ShippedPoint}
 * (the point's {@link gpufaas.app.SweepTask} and where its input files went), run by
 * {@link gpufaas.sweep.spark.task.PointJob} through the app's own {@link gpufaas.app.PointRunner},
 * and its {@link gpufaas.sweep.spark.task.PointResult}: the result folder's files as compressed bytes
 * (ship mode), nothing (shared mode, the folder is already in place), or the failure, with paths of
 * local copies turned back into the paths the sweep named ({@link gpufaas.sweep.spark.task.LocalCopies}).
 */
package gpufaas.sweep.spark.task;
