package gpufaas.sweep.spark.task;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * One file of a result folder on its way back to the driver, deflated (CSV shrinks about five-fold).
 *
 * @param name     the file's name in the folder
 * @param deflated its bytes, deflated
 * @param size     its size before deflating
 */
public record ResultFile(String name, byte[] deflated, long size) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Reads and deflates {@code file}. */
    public static ResultFile read(Path file) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = new DeflaterOutputStream(buf, deflater, 1 << 16)) {
            in.transferTo(out);
        } finally {
            deflater.end();
        }
        return new ResultFile(file.getFileName().toString(), buf.toByteArray(), Files.size(file));
    }

    /** Writes the file's original bytes to {@code target}. */
    public void writeTo(Path target) throws IOException {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated));
                OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
    }

    /** The original bytes (for small files such as the manifest). */
    public byte[] bytes() throws IOException {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
            return in.readAllBytes();
        }
    }
}
