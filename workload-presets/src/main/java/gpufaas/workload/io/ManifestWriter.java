package gpufaas.workload.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.GpuSetup;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code manifest.json}, the record of how a folder was made and the mark that it is
 * complete ({@link RunOutput} writes it last). Keys, in this order:
 * {@code tool} ("gpufaas-workbench"), {@code kind} ("run", "sweep" or "reproduction"), {@code version},
 * {@code command} (the arguments), {@code point} (a sweep point's {@code index} and {@code label}),
 * {@code seed}, {@code workload}, {@code inputs} (each
 * {@code role}, {@code path} as given and {@code sha256} of its bytes), {@code policy},
 * {@code admission}, {@code placement}, {@code parameters} (every parameter's value, defaults
 * included), {@code hardware} ({@code profile}, {@code count}, {@code mig}, {@code mps},
 * {@code cpu_cores}), {@code backend}, {@code incomplete} (why a run stopped early; absent when it ran to its end), {@code axes} (sweeps: each axis and its values),
 * {@code outputs} (the files and folders written, sorted). Keys without a value are left out. There
 * is no timestamp: the same command, seed and inputs give the same bytes.
 */
public final class ManifestWriter {
    /** The value of {@code tool} that marks a folder as this tool's output. */
    public static final String TOOL = "gpufaas-workbench";
    /** The manifest's file name. */
    public static final String FILE = "manifest.json";

    /** One input file: what it is ({@code trace}, {@code functions}, {@code experiment}, {@code gpu}), its path and checksum. */
    public record Input(String role, String path, String sha256) {}

    private final String kind;
    private final String version;
    private List<String> command = List.of();
    private Long seed;
    private String workload;
    private final List<Input> inputs = new ArrayList<>();
    private EngineConfig config;
    private String backend;
    private String incomplete;
    private final Map<String, List<String>> axes = new LinkedHashMap<>();
    private Integer pointIndex;
    private String pointLabel;

    private ManifestWriter(String kind, String version) {
        this.kind = kind;
        this.version = version == null || version.isBlank() ? "dev" : version;
    }

    /** A manifest of one run folder. */
    public static ManifestWriter run(String version) {
        return new ManifestWriter("run", version);
    }

    /** A manifest of a sweep folder. */
    public static ManifestWriter sweep(String version) {
        return new ManifestWriter("sweep", version);
    }

    /** A manifest of a reproduction's folder (the report of {@code reproduce}). */
    public static ManifestWriter reproduction(String version) {
        return new ManifestWriter("reproduction", version);
    }

    public ManifestWriter command(List<String> args) {
        this.command = List.copyOf(args);
        return this;
    }

    public ManifestWriter seed(long s) {
        this.seed = s;
        return this;
    }

    public ManifestWriter workload(String name) {
        this.workload = name;
        return this;
    }

    /** Records an input file with the SHA-256 of its bytes, read now. */
    public ManifestWriter input(String role, Path file) {
        inputs.add(new Input(role, file.toString(), sha256(file)));
        return this;
    }

    public ManifestWriter input(Input in) {
        inputs.add(in);
        return this;
    }

    public List<Input> inputs() {
        return List.copyOf(inputs);
    }

    /** Policy, admission, placement, all parameters and hardware of a run. */
    public ManifestWriter config(EngineConfig cfg) {
        this.config = cfg;
        return this;
    }

    public ManifestWriter backend(String name) {
        this.backend = name;
        return this;
    }

    /** Marks the run as incomplete (a live backend that stopped): {@code incomplete} says why. */
    public ManifestWriter incomplete(String reason) {
        this.incomplete = reason;
        return this;
    }

    public ManifestWriter axis(String name, List<String> values) {
        axes.put(name, List.copyOf(values));
        return this;
    }

    /** Marks a run as point {@code index} of a sweep, with its axis values as {@code label}. */
    public ManifestWriter point(int index, String label) {
        this.pointIndex = index;
        this.pointLabel = label;
        return this;
    }

    /** The manifest's JSON tree, listing {@code outputs}. */
    public ObjectNode toJson(List<String> outputs) {
        ObjectNode o = ResultJson.object();
        o.put("tool", TOOL);
        o.put("kind", kind);
        o.put("version", version);
        ArrayNode cmd = o.putArray("command");
        command.forEach(cmd::add);
        if (pointIndex != null) {
            ObjectNode pt = o.putObject("point");
            pt.put("index", pointIndex);
            pt.put("label", pointLabel);
        }
        if (seed != null) o.put("seed", seed);
        if (workload != null) o.put("workload", workload);
        ArrayNode in = o.putArray("inputs");
        for (Input i : inputs) {
            ObjectNode n = in.addObject();
            n.put("role", i.role());
            n.put("path", i.path());
            n.put("sha256", i.sha256());
        }
        if (config != null) {
            o.put("policy", config.policy().name());
            o.put("admission", config.admission().name());
            o.put("placement", config.placement().name());
            ObjectNode p = o.putObject("parameters");
            config.allParams().forEach(p::put);
            GpuSetup hw = config.hardware();
            ObjectNode h = o.putObject("hardware");
            if (hw.profile() == null) h.putNull("profile");
            else h.put("profile", hw.profile().name());
            h.put("count", hw.count());
            if (hw.mig() == null || hw.mig().isBlank()) h.putNull("mig");
            else h.put("mig", hw.mig());
            h.put("mps", hw.mps());
            h.put("cpu_cores", hw.cpuCores());
        }
        if (backend != null) o.put("backend", backend);
        if (incomplete != null) o.put("incomplete", incomplete);
        if (!axes.isEmpty()) {
            ObjectNode a = o.putObject("axes");
            axes.forEach((k, vs) -> {
                ArrayNode arr = a.putArray(k);
                vs.forEach(arr::add);
            });
        }
        ArrayNode out = o.putArray("outputs");
        outputs.stream().sorted().forEach(out::add);
        return o;
    }

    public String toText(List<String> outputs) {
        return ResultJson.text(toJson(outputs));
    }

    public void write(Path file, List<String> outputs) {
        ResultJson.write(toJson(outputs), file);
    }

    /** The SHA-256 of a file's bytes, in lower-case hex. */
    public static String sha256(Path file) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream s = Files.newInputStream(file)) {
            for (int n; (n = s.read(buf)) > 0; ) md.update(buf, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
