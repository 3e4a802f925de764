package gpufaas.workload.azure;

import gpufaas.engine.model.Workload;
import java.nio.file.Path;
import java.util.List;

/**
 * What an Azure importer produced: a replayable workload, the kept functions with their trace
 * statistics, the files read (for checksums in manifests) and a one-line summary for users.
 */
public record AzureImport(Workload workload, List<ImportedFunction> functions, List<Path> inputs, String summary) {
    public AzureImport {
        functions = List.copyOf(functions);
        inputs = List.copyOf(inputs);
    }
}
