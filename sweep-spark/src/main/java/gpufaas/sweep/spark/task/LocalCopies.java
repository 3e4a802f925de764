package gpufaas.sweep.spark.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A shipped point's input files made local on an executor. Every text value of the point's
 * experiment that names one of its files (resolved against the sweep's base folder, as the app
 * resolves it) is replaced by a link to the copy Spark fetched, under the file's own name; a value
 * naming a folder that holds some of them (an Azure 2019 folder) becomes a local folder of such
 * links. Nothing is keyed on field names, so every way an experiment names files works.
 * {@link #toDriver} turns the local paths in a message back into the sweep's.
 */
public final class LocalCopies {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path base;
    private final Path root;
    private final Map<String, Path> fetched;
    private final Map<String, String> toDriver = new LinkedHashMap<>();
    private int made;

    private LocalCopies(Path base, Path root, Map<String, Path> fetched) {
        this.base = base;
        this.root = root;
        this.fetched = fetched;
    }

    /**
     * Links the point's files into {@code root} and returns the copies with the rewritten experiment.
     *
     * @param point   the shipped point
     * @param root    an empty folder of this point's own
     * @param fetched where Spark fetched a file added under a name ({@code SparkFiles::get})
     */
    public static Relocated relocate(ShippedPoint point, Path root, Function<String, Path> fetched) throws IOException {
        Map<String, Path> copies = new LinkedHashMap<>();
        point.shipped().forEach((driverPath, name) -> copies.put(driverPath, fetched.apply(name)));
        String baseDir = point.task().baseDir();
        LocalCopies c = new LocalCopies(baseDir == null ? null : Path.of(baseDir), root.toAbsolutePath(), copies);
        JsonNode tree = JSON.readTree(point.task().experiment());
        JsonNode rewritten = c.rewrite(tree);
        return new Relocated(JSON.writeValueAsString(rewritten), c);
    }

    /** The experiment naming local copies, and the copies. */
    public record Relocated(String experiment, LocalCopies copies) {}

    /** {@code text} with every local path in it replaced by the path the sweep named. */
    public String toDriver(String text) {
        if (text == null) return null;
        List<Map.Entry<String, String>> byLength = new ArrayList<>(toDriver.entrySet());
        byLength.sort(Comparator.comparingInt(
                        (Map.Entry<String, String> e) -> e.getKey().length())
                .reversed());
        String s = text;
        for (Map.Entry<String, String> e : byLength) s = s.replace(e.getKey(), e.getValue());
        return s;
    }

    private JsonNode rewrite(JsonNode n) throws IOException {
        if (n.isTextual()) return local(n.asText());
        if (n.isObject()) {
            ObjectNode o = (ObjectNode) n;
            for (Map.Entry<String, JsonNode> e : o.properties()) e.setValue(rewrite(e.getValue()));
        } else if (n.isArray()) {
            ArrayNode a = (ArrayNode) n;
            for (int i = 0; i < a.size(); i++) a.set(i, rewrite(a.get(i)));
        }
        return n;
    }

    private JsonNode local(String text) throws IOException {
        Path named;
        try {
            Path p = Path.of(text);
            named = base == null || p.isAbsolute() ? p : base.resolve(p);
        } catch (InvalidPathException e) {
            return TextNode.valueOf(text);
        }
        String key = named.toString();
        if (fetched.containsKey(key))
            return TextNode.valueOf(link(named, fetched.get(key)).toString());
        Path folder = null;
        for (Map.Entry<String, Path> f : fetched.entrySet()) {
            Path file = Path.of(f.getKey());
            if (!file.startsWith(named) || file.equals(named) || text.isEmpty()) continue;
            if (folder == null) {
                folder = root.resolve("in-" + made++);
                toDriver.put(folder.toString(), key);
            }
            Path target = folder.resolve(named.relativize(file).toString());
            Files.createDirectories(target.getParent());
            FileTrees.linkOrCopy(target, f.getValue());
        }
        return TextNode.valueOf(folder == null ? text : folder.toString());
    }

    /** A link to {@code copy} under the name of {@code named}, in a folder of its own. */
    private Path link(Path named, Path copy) throws IOException {
        Path folder = root.resolve("in-" + made++);
        Files.createDirectories(folder);
        Path target = folder.resolve(named.getFileName().toString());
        FileTrees.linkOrCopy(target, copy);
        toDriver.put(target.toString(), named.toString());
        return target;
    }
}
