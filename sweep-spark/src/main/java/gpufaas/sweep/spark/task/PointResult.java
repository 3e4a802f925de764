package gpufaas.sweep.spark.task;

import java.io.Serializable;
import java.util.List;

/**
 * What a point's task returns to the driver.
 *
 * @param index   the point's number
 * @param host    the executor's host, for messages
 * @param files   ship mode: the result folder's files ({@code manifest.json} among them); empty in
 *                shared mode or on failure
 * @param failure why the point failed, or null
 */
public record PointResult(int index, String host, List<ResultFile> files, PointFailure failure)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public PointResult {
        files = List.copyOf(files);
    }

    /** Compressed bytes carried. */
    public long deflatedBytes() {
        long n = 0;
        for (ResultFile f : files) n += f.deflated().length;
        return n;
    }
}
