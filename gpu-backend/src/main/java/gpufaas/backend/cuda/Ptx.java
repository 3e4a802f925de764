package gpufaas.backend.cuda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shipped PTX ({@code gpufaas/backend/cuda/kernels.ptx}, made by {@code tools/make_ptx.sh}). */
public final class Ptx {
    public static final String RESOURCE = "/gpufaas/backend/cuda/kernels.ptx";
    private static final Pattern ENTRY = Pattern.compile("(?m)^\\.visible\\s+\\.entry\\s+(\\w+)\\s*\\(");
    private static final Pattern VERSION = Pattern.compile("(?m)^\\.version\\s+(\\d+\\.\\d+)\\s*$");
    private static final Pattern TARGET = Pattern.compile("(?m)^\\.target\\s+(\\w+)\\s*$");

    private Ptx() {}

    /** The PTX text. */
    public static String text() {
        try (InputStream in = Ptx.class.getResourceAsStream(RESOURCE)) {
            if (in == null)
                throw new IllegalStateException("missing resource " + RESOURCE + " (run tools/make_ptx.sh)");
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entry points ({@code .visible .entry NAME(}) in order. */
    public static List<String> entries(String ptx) {
        List<String> out = new ArrayList<>();
        Matcher m = ENTRY.matcher(ptx);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The declared PTX ISA version, e.g. "7.0". */
    public static String version(String ptx) {
        Matcher m = VERSION.matcher(ptx);
        return m.find() ? m.group(1) : "";
    }

    /** The declared target, e.g. "sm_70". */
    public static String target(String ptx) {
        Matcher m = TARGET.matcher(ptx);
        return m.find() ? m.group(1) : "";
    }

    /** The text as the driver wants it: NUL-terminated bytes. */
    static byte[] image() {
        byte[] t = text().getBytes(StandardCharsets.US_ASCII);
        byte[] z = new byte[t.length + 1];
        System.arraycopy(t, 0, z, 0, t.length);
        return z;
    }
}
