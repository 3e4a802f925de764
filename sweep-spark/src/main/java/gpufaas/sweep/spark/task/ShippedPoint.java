package gpufaas.sweep.spark.task;

import gpufaas.app.SweepTask;
import java.io.Serializable;
import java.util.Map;

/**
 * A sweep point as it travels to an executor.
 *
 * @param task      the point, its result folder an absolute path on the driver
 * @param shipped   ship mode: each input file's path as the sweep named it → the name it was added
 *                  under ({@code SparkContext.addFile}); empty in shared mode
 * @param sharedDir shared mode: the folder every machine sees, where the point reads and writes in
 *                  place; null in ship mode
 */
public record ShippedPoint(SweepTask task, Map<String, String> shipped, String sharedDir) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ShippedPoint {
        shipped = Map.copyOf(shipped);
    }

    /** True when inputs were shipped and the result folder comes back as bytes. */
    public boolean shipMode() {
        return sharedDir == null;
    }
}
