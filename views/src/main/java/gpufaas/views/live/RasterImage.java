package gpufaas.views.live;

import java.nio.IntBuffer;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Shows a {@link PixelRaster} in an {@link ImageView} without copying: the image is backed by a
 * {@link PixelBuffer} over the raster's own int array in premultiplied ARGB (the painters' pixels
 * are opaque, so straight and premultiplied are the same), which is also the software renderer's
 * texture format, so a repaint costs no conversion on the FX thread and a plain copy on the
 * render thread (a {@code WritableImage.setPixels} would convert to BGRA bytes and back).
 */
final class RasterImage {
    private final ImageView view;
    private PixelBuffer<IntBuffer> buffer;
    private int[] backing;

    RasterImage(ImageView view) {
        this.view = view;
    }

    /** Marks the raster's pixels changed (FX thread, after painting); a new size or array makes a new image. */
    void show(PixelRaster r) {
        int w = r.width();
        int h = r.height();
        if (w <= 0 || h <= 0) return;
        if (buffer == null || backing != r.pixels() || buffer.getWidth() != w || buffer.getHeight() != h) {
            backing = r.pixels();
            buffer = new PixelBuffer<>(w, h, IntBuffer.wrap(backing), PixelFormat.getIntArgbPreInstance());
            view.setImage(new WritableImage(buffer));
            return;
        }
        buffer.updateBuffer(b -> null);
    }
}
