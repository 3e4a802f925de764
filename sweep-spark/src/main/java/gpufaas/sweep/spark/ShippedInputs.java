package gpufaas.sweep.spark;

import gpufaas.app.SweepTask;
import gpufaas.sweep.spark.task.FileTrees;
import gpufaas.workload.experiment.InputFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkContext;

/**
 * Ship mode's inputs: every file a point reads is added to the application once
 * ({@code SparkContext.addFile}; each executor fetches it once), under its own name. Spark keeps
 * one file per name, so a second file of the same name but other bytes (the same name in another
 * folder) goes under a name made unique by its checksum ({@code 1a2b3c4d5e6f7a8b-trace.csv}), as a
 * hard link in a staging folder of the driver (a copy where a link cannot be made; Spark resolves
 * symbolic links to their target's name).
 */
final class ShippedInputs {
    private final SparkContext sc;
    private final Path staging;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> checksumOfName = new HashMap<>();

    ShippedInputs(SparkContext sc, Path staging) {
        this.sc = sc;
        this.staging = staging;
    }

    /** Adds {@code task}'s files not added yet; returns each of its files' path → the name it goes under. */
    Map<String, String> add(SweepTask task) throws IOException {
        Map<String, String> mine = new LinkedHashMap<>();
        for (InputFile f : task.files()) {
            if (f.path().startsWith("preset:")) continue;
            String name = names.get(f.path());
            if (name == null) {
                name = addFile(Path.of(f.path()), f.sha256());
                names.put(f.path(), name);
            }
            mine.put(f.path(), name);
        }
        return mine;
    }

    private String addFile(Path file, String sha256) throws IOException {
        String name = file.getFileName().toString();
        String other = checksumOfName.get(name);
        if (other != null && other.equals(sha256)) return name;
        if (other == null) {
            sc.addFile(file.toAbsolutePath().toString());
        } else {
            name = sha256.substring(0, 16) + "-" + name;
            if (checksumOfName.containsKey(name)) return name;
            Path staged = staging.resolve(name);
            FileTrees.hardLinkOrCopy(staged, file);
            sc.addFile(staged.toString());
        }
        checksumOfName.put(name, sha256);
        return name;
    }
}
