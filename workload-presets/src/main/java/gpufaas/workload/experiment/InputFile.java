package gpufaas.workload.experiment;

import java.io.Serializable;

/**
 * A file an experiment read, for the run manifest.
 *
 * @param role   what it is ({@code experiment}, {@code functions_csv}, {@code trace_csv}, ...)
 * @param path   the path as resolved, or {@code preset:NAME} for a built-in preset
 * @param sha256 hex SHA-256 of its bytes
 */
public record InputFile(String role, String path, String sha256) implements Serializable {
    private static final long serialVersionUID = 1L;
}
