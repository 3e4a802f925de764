package gpufaas.sweep.spark;

import gpufaas.app.SweepTask;
import gpufaas.sweep.spark.task.PointResult;
import gpufaas.sweep.spark.task.ResultFile;
import gpufaas.workload.io.ManifestWriter;
import gpufaas.workload.io.RunOutput;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a result folder that came back from the cluster into the point's folder, as a local run
 * writes it: every file as a part renamed at the end, {@code manifest.json} (the executor's bytes)
 * last, so the folder is complete exactly when it has a manifest.
 */
final class ResultFolder {
    private ResultFolder() {}

    static void write(SweepTask task, PointResult result) throws IOException {
        ResultFile manifest = null;
        try (RunOutput out = RunOutput.open(Path.of(task.outDir()), task.force())) {
            for (ResultFile f : result.files()) {
                if (f.name().equals(ManifestWriter.FILE)) manifest = f;
                else f.writeTo(out.part(f.name()));
            }
            if (manifest == null)
                throw new IllegalStateException("sweep point " + task.index() + " came back without its manifest");
            out.commit(manifest.bytes());
        }
    }
}
