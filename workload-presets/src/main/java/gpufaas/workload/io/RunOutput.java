package gpufaas.workload.io;

import com.fasterxml.jackson.databind.JsonNode;
import gpufaas.engine.model.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one output folder safely. {@link #open} accepts a missing or empty folder, or a previous
 * complete output of this tool (a folder with this tool's {@code manifest.json}), whose files are
 * replaced; any other non-empty folder is refused unless {@code force} is given (then only the files
 * this run writes are replaced, nothing else is touched). Each file is written as {@code NAME.part}
 * ({@link #part}); {@link #commit} renames them into place and writes {@code manifest.json} last,
 * so a folder with a manifest is complete. Until commit a previous output stays as it was;
 * {@link #close()} without a commit deletes everything this object wrote (and the folder, if it
 * made it), so a failed run never leaves a folder looking complete.
 */
public final class RunOutput implements AutoCloseable {
    private static final String PART = ".part";

    private final Path dir;
    private final List<Path> createdDirs;
    private final Set<String> previous;
    private final Set<String> outputs = new LinkedHashSet<>();
    private final Set<String> folders = new LinkedHashSet<>();
    private final List<Path> placed = new ArrayList<>();
    private boolean previousInvalidated;
    private boolean committed;
    private boolean closed;

    private RunOutput(Path dir, List<Path> createdDirs, Set<String> previous) {
        this.dir = dir;
        this.createdDirs = createdDirs;
        this.previous = previous;
    }

    /**
     * Opens {@code dir} for writing. Throws {@link BadInputException} (naming {@code --out}) when it
     * is a file, cannot be made, or is a non-empty folder that is not this tool's complete output and
     * {@code force} is false.
     */
    public static RunOutput open(Path dir, boolean force) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException("--out", 0, null, dir + " exists and is not a folder");
        }
        List<Path> created = new ArrayList<>();
        Set<String> previous = new LinkedHashSet<>();
        if (Files.isDirectory(dir)) {
            List<String> prev = completeOutputs(dir);
            if (prev != null) previous.addAll(prev);
            else if (!force && !isEmpty(dir)) {
                throw new BadInputException(
                        "--out",
                        0,
                        null,
                        dir + " is not empty and holds no complete output of"
                                + " this tool; choose another folder or add --force to write into it");
            }
        } else {
            for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent())
                created.add(p);
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new BadInputException("--out", 0, null, "cannot create " + dir + ": " + e.getMessage());
            }
        }
        return new RunOutput(dir, created, previous);
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** Registers output file {@code name} and returns the path to write it at ({@code NAME.part}). */
    public Path part(String name) {
        checkName(name);
        if (!outputs.add(name)) throw new IllegalStateException(name + " registered twice");
        return dir.resolve(name + PART);
    }

    /**
     * Registers a sub-folder as an output (sweep points, each written by its own RunOutput) and
     * returns its path. The folder no longer counts as a previous complete output from now on.
     */
    public Path folder(String name) {
        checkName(name);
        if (!outputs.add(name)) throw new IllegalStateException(name + " registered twice");
        folders.add(name);
        invalidatePrevious();
        return dir.resolve(name);
    }

    /** The outputs registered so far, in registration order. */
    public List<String> outputs() {
        return List.copyOf(outputs);
    }

    /**
     * Renames every part into place, removes files of a previous output that this one does not
     * have, and writes the manifest last. On failure everything written is removed.
     */
    public void commit(ManifestWriter manifest) {
        finish(part -> manifest.write(part, outputs()));
    }

    /**
     * As {@link #commit(ManifestWriter)} with a manifest written elsewhere (a sweep point run on
     * another machine, whose files are placed here as they came): its bytes are placed as they are.
     */
    public void commit(byte[] manifest) {
        finish(part -> Files.write(part, manifest));
    }

    /** Writes the manifest's part file. */
    @FunctionalInterface
    private interface ManifestPart {
        void writeTo(Path part) throws IOException;
    }

    private void finish(ManifestPart manifest) {
        if (committed || closed) throw new IllegalStateException("already finished");
        try {
            for (String n : outputs) {
                if (!folders.contains(n) && !Files.isRegularFile(dir.resolve(n + PART))) {
                    throw new IllegalStateException(n + PART + " was not written");
                }
            }
            invalidatePrevious();
            for (String n : outputs) {
                if (folders.contains(n)) continue;
                Path target = dir.resolve(n);
                move(dir.resolve(n + PART), target);
                placed.add(target);
            }
            for (String old : previous) {
                if (!outputs.contains(old)) deleteOutput(dir.resolve(old));
            }
            Path part = dir.resolve(ManifestWriter.FILE + PART);
            manifest.writeTo(part);
            Path target = dir.resolve(ManifestWriter.FILE);
            move(part, target);
            committed = true;
        } catch (IOException e) {
            abort();
            throw new UncheckedIOException("cannot finish " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            abort();
            throw e;
        }
    }

    /** Deletes everything written unless committed. */
    @Override
    public void close() {
        if (!committed) abort();
        closed = true;
    }

    private void abort() {
        if (closed) return;
        closed = true;
        quietly(dir.resolve(ManifestWriter.FILE + PART));
        for (Path p : placed) quietly(p);
        for (String n : outputs) {
            if (folders.contains(n)) deleteOutputQuietly(dir.resolve(n));
            else quietly(dir.resolve(n + PART));
        }
        if (!placed.isEmpty() || previousInvalidated) quietly(dir.resolve(ManifestWriter.FILE));
        for (Path d : createdDirs) {
            if (!Files.isDirectory(d) || !isEmpty(d)) break;
            quietly(d);
        }
    }

    private void invalidatePrevious() {
        if (previousInvalidated) return;
        previousInvalidated = true;
        try {
            Files.deleteIfExists(dir.resolve(ManifestWriter.FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot replace " + dir.resolve(ManifestWriter.FILE) + ": " + e.getMessage(), e);
        }
    }

    /**
     * The outputs listed by {@code dir}'s manifest when it is this tool's complete output, else null.
     */
    public static List<String> completeOutputs(Path dir) {
        Path m = dir.resolve(ManifestWriter.FILE);
        if (!Files.isRegularFile(m)) return null;
        JsonNode n = ResultJson.readOrNull(m);
        if (n == null
                || !ManifestWriter.TOOL.equals(n.path("tool").asText())
                || !n.path("outputs").isArray()) return null;
        List<String> out = new ArrayList<>();
        for (JsonNode o : n.path("outputs")) {
            String s = o.asText();
            if (validName(s)) out.add(s);
        }
        return out;
    }

    /**
     * Deletes one output: a file, or a folder that is this tool's output (what its manifest lists,
     * then the manifest, then the folder if nothing else is left in it).
     */
    static void deleteOutput(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            Files.deleteIfExists(p);
            return;
        }
        List<String> inner = completeOutputs(p);
        if (inner == null) return;
        for (String n : inner) deleteOutput(p.resolve(n));
        Files.deleteIfExists(p.resolve(ManifestWriter.FILE));
        if (isEmpty(p)) Files.deleteIfExists(p);
    }

    private static void deleteOutputQuietly(Path p) {
        try {
            deleteOutput(p);
        } catch (IOException ignored) {
            // best effort while failing
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void quietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort while failing; the manifest is never left behind
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean validName(String n) {
        return !n.isEmpty()
                && !n.equals(".")
                && !n.equals("..")
                && n.indexOf('/') < 0
                && n.indexOf('\\') < 0
                && !n.equals(ManifestWriter.FILE)
                && !n.endsWith(PART);
    }

    private static void checkName(String n) {
        if (!validName(n)) throw new IllegalArgumentException("bad output name '" + n + "'");
    }
}
