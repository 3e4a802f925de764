package gpufaas.backend.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The built-in function image: Debian's statically linked busybox ({@code busybox-static}) in an
 * otherwise empty image, built locally ({@code FROM scratch}, no registry). Its functions sleep for
 * their warm time or do calibrated CPU work; the tag names the binary's digest, so a changed
 * busybox gives a new image.
 */
public final class BuiltinImage {
    /** Where Debian's busybox-static puts the binary; {@code GPUFAAS_BUSYBOX} overrides it. */
    public static final Path DEFAULT_BUSYBOX = Path.of("/bin/busybox");

    static final String REPO = "gpufaas/fn-busybox";
    static final String BUSYBOX = "/bin/busybox";
    /** CPU work: MD5 over {@code $1} zero bytes. The script is fixed; the size is an argument, never spliced in. */
    static final String CPU_SCRIPT = BUSYBOX + " head -c \"$1\" /dev/zero | " + BUSYBOX + " md5sum >/dev/null";

    static final List<String> KEEP_ALIVE = List.of(BUSYBOX, "sleep", "2147483647");

    private BuiltinImage() {}

    /** The busybox binary to build from. */
    public static Path busybox() {
        String env = System.getenv("GPUFAAS_BUSYBOX");
        return env != null && !env.isBlank() ? Path.of(env) : DEFAULT_BUSYBOX;
    }

    /** The command of a built-in function that sleeps for {@code warmMs}. */
    static List<String> sleepCommand(double warmMs) {
        return List.of(BUSYBOX, "sleep", Num.fixed(warmMs / 1000, 6));
    }

    /** The command of a built-in function that hashes {@code bytes} zero bytes. */
    static List<String> cpuCommand(long bytes) {
        return List.of(BUSYBOX, "sh", "-c", CPU_SCRIPT, "fn", Long.toString(Math.max(0, bytes)));
    }

    /**
     * The image's tag, building it when the engine does not have it yet. Throws
     * IllegalStateException with one clear line when busybox is missing or not static.
     */
    public static String ensure(DockerClient docker) {
        Path bin = busybox();
        byte[] binary = read(bin);
        String tag = REPO + ":" + digest(binary).substring(0, 12);
        try {
            docker.inspectImageCmd(tag).exec();
            return tag;
        } catch (NotFoundException absent) {
            // build it below
        }
        byte[] context = context(binary);
        String id = docker.buildImageCmd(new ByteArrayInputStream(context))
                .withTags(Set.of(tag))
                .withLabels(Map.of(DockerLabels.APP, "image"))
                .withPull(false)
                .withRemove(true)
                .exec(new BuildImageResultCallback())
                .awaitImageId(120, TimeUnit.SECONDS);
        if (id == null || id.isBlank()) throw new IllegalStateException("building " + tag + " gave no image id");
        return tag;
    }

    static byte[] read(Path bin) {
        if (!Files.isRegularFile(bin)) {
            throw new IllegalStateException(bin + " not found: the built-in function image is built from Debian's "
                    + "statically linked busybox (apt-get install busybox-static), or set GPUFAAS_BUSYBOX to one");
        }
        try {
            byte[] b = Files.readAllBytes(bin);
            String problem = staticElfProblem(b);
            if (problem != null) {
                throw new IllegalStateException(bin + " " + problem + ": the image needs a statically linked busybox "
                        + "(Debian's busybox-static), or set GPUFAAS_BUSYBOX to one");
            }
            return b;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + bin + ": " + e.getMessage());
        }
    }

    /** null when {@code b} is a 64-bit little-endian ELF executable without an interpreter; else what is wrong. */
    static String staticElfProblem(byte[] b) {
        if (b.length < 64 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F')
            return "is not an ELF executable";
        if (b[4] != 2 || b[5] != 1) return "is not a 64-bit little-endian ELF executable";
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = h.getLong(0x20);
        int phentsize = Short.toUnsignedInt(h.getShort(0x36));
        int phnum = Short.toUnsignedInt(h.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * phentsize;
            if (at < 0 || at + 4 > b.length) return "has a damaged program header table";
            if (h.getInt((int) at) == 3) return "is dynamically linked (it names a program interpreter)";
        }
        return null;
    }

    /** A build context: the Dockerfile and the binary. */
    static byte[] context(byte[] binary) {
        String dockerfile = "FROM scratch\n"
                + "COPY busybox " + BUSYBOX + "\n"
                + "USER 65534:65534\n"
                + "CMD [\"" + BUSYBOX + "\", \"sleep\", \"2147483647\"]\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(binary.length + 4096);
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            add(tar, "Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8), 0644);
            add(tar, "busybox", binary, 0755);
            tar.finish();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the image's build context: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] data, int mode) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        e.setMode(mode);
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    static String digest(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
