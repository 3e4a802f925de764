package gpufaas.sweep.spark.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The sweep's scratch folders: removed whole, and filled with links where the file system has them. */
public final class FileTrees {
    private FileTrees() {}

    /**
     * Removes {@code root} and everything under it, as far as it can: these are temporary folders,
     * and what cannot be removed is left to the system's (or Spark's) clean-up of them.
     */
    public static void deleteQuietly(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder: see above
        }
    }

    /** {@code target} as a symbolic link to {@code source}, or a copy where links cannot be made. */
    public static void linkOrCopy(Path target, Path source) throws IOException {
        try {
            Files.createSymbolicLink(target, source.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(source, target);
        }
    }

    /** {@code target} as a hard link to {@code source}, or a copy where one cannot be made (another file system). */
    public static void hardLinkOrCopy(Path target, Path source) throws IOException {
        try {
            Files.createLink(target, source.toAbsolutePath());
        } catch (UnsupportedOperationException | IOException e) {
            Files.copy(source, target);
        }
    }
}
