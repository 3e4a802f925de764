package gpufaas.views.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Snapshots of the scene or one node written as PNG (FX thread). */
public final class Png {
    private Png() {}

    public static void write(Scene scene, Path file) throws IOException {
        write(scene.snapshot(null), file);
    }

    public static void write(Node node, Path file) throws IOException {
        write(node.snapshot(null, null), file);
    }

    private static void write(WritableImage img, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        if (!ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
