package gpufaas.views.live;

import java.util.Arrays;

/**
 * An ARGB pixel buffer the device timeline paints into: filled rectangles, stripes, lines and
 * small marker shapes, all clipped to the buffer, all opaque. Painting thousands of rectangles
 * here costs microseconds; handing JavaFX one image per frame keeps its software renderer from
 * rasterizing each rectangle as a shape. Plain Java.
 */
public final class PixelRaster {
    private int width;
    private int height;
    private int[] pixels = new int[0];
    /** where pixel (0, 0) is in the caller's coordinates */
    private int originX;

    /** Callers paint in their own coordinates; x is shifted by {@code x0} (the buffer starts there). */
    public void setOriginX(int x0) {
        originX = x0;
    }

    public void resize(int w, int h) {
        width = Math.max(0, w);
        height = Math.max(0, h);
        if (pixels.length < width * height) pixels = new int[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The pixels, row by row, {@code width()} per row (the array may be longer). */
    public int[] pixels() {
        return pixels;
    }

    public int get(int x, int y) {
        return pixels[y * width + x];
    }

    public void clear(int argb) {
        Arrays.fill(pixels, 0, width * height, argb);
    }

    /** Fills [x0, x1) × [y0, y1). */
    public void fillRect(int x0, int y0, int x1, int y1, int argb) {
        int a = Math.max(0, x0 - originX);
        int b = Math.min(width, x1 - originX);
        int top = Math.max(0, y0);
        int bottom = Math.min(height, y1);
        if (a >= b || top >= bottom) return;
        for (int y = top; y < bottom; y++) Arrays.fill(pixels, y * width + a, y * width + b, argb);
    }

    /** Vertical stripes one pixel wide every {@code step} pixels inside [x0, x1) × [y0, y1). */
    public void stripesVertical(int x0, int y0, int x1, int y1, int step, int argb) {
        for (int x = x0 + 1; x < x1 - 1; x += step) fillRect(x, y0, x + 1, y1, argb);
    }

    /** Horizontal stripes one pixel high every {@code step} pixels. */
    public void stripesHorizontal(int x0, int y0, int x1, int y1, int step, int argb) {
        for (int y = y0 + 1; y < y1 - 1; y += step) fillRect(x0, y, x1, y + 1, argb);
    }

    /** A line of width 1 (Bresenham). */
    public void line(int x0, int y0, int x1, int y1, int argb) {
        x0 -= originX;
        x1 -= originX;
        int dx = Math.abs(x1 - x0);
        int dy = -Math.abs(y1 - y0);
        int sx = x0 < x1 ? 1 : -1;
        int sy = y0 < y1 ? 1 : -1;
        int err = dx + dy;
        int x = x0;
        int y = y0;
        while (true) {
            if (x >= 0 && x < width && y >= 0 && y < height) pixels[y * width + x] = argb;
            if (x == x1 && y == y1) return;
            int e2 = 2 * err;
            if (e2 >= dy) {
                err += dy;
                x += sx;
            }
            if (e2 <= dx) {
                err += dx;
                y += sy;
            }
        }
    }

    /** A filled triangle pointing down with its tip at (cx, tipY), {@code r} pixels half-wide and high. */
    public void triangleDown(int cx, int tipY, int r, int argb) {
        for (int i = 0; i <= r; i++) fillRect(cx - i, tipY - i, cx + i + 1, tipY - i + 1, argb);
    }

    /** An arrow from (x, fromY) to (x, toY), head at toY. */
    public void arrow(int x, int fromY, int toY, int argb) {
        fillRect(x, Math.min(fromY, toY), x + 2, Math.max(fromY, toY) + 1, argb);
        int dir = toY > fromY ? -1 : 1;
        int head = Math.max(2, Math.abs(toY - fromY) / 2);
        line(x, toY, x - head, toY + dir * head, argb);
        line(x + 1, toY, x + 1 + head, toY + dir * head, argb);
    }

    /** An × of half-size {@code r} centred at (cx, cy), two pixels wide. */
    public void cross(int cx, int cy, int r, int argb) {
        line(cx - r, cy - r, cx + r, cy + r, argb);
        line(cx - r + 1, cy - r, cx + r + 1, cy + r, argb);
        line(cx - r, cy + r, cx + r, cy - r, argb);
        line(cx - r + 1, cy + r, cx + r + 1, cy - r, argb);
    }

    /** A rectangle's outline {@code w} pixels wide, inside [x0, x1) × [y0, y1). */
    public void strokeRect(int x0, int y0, int x1, int y1, int w, int argb) {
        fillRect(x0, y0, x1, Math.min(y1, y0 + w), argb);
        fillRect(x0, Math.max(y0, y1 - w), x1, y1, argb);
        fillRect(x0, y0, Math.min(x1, x0 + w), y1, argb);
        fillRect(Math.max(x0, x1 - w), y0, x1, y1, argb);
    }

    /** A one-pixel outline of dashes ({@code on} pixels drawn, {@code off} left) inside [x0, x1) × [y0, y1). */
    public void dashedRect(int x0, int y0, int x1, int y1, int on, int off, int argb) {
        for (int x = x0; x < x1; x += on + off) {
            fillRect(x, y0, Math.min(x1, x + on), y0 + 1, argb);
            fillRect(x, y1 - 1, Math.min(x1, x + on), y1, argb);
        }
        for (int y = y0; y < y1; y += on + off) {
            fillRect(x0, y, x0 + 1, Math.min(y1, y + on), argb);
            fillRect(x1 - 1, y, x1, Math.min(y1, y + on), argb);
        }
    }

    /** A vertical dashed line one pixel wide at x from y0 to y1. */
    public void dashedVertical(int x, int y0, int y1, int on, int off, int argb) {
        for (int y = y0; y < y1; y += on + off) fillRect(x, y, x + 1, Math.min(y1, y + on), argb);
    }

    /** A rectangle with corners rounded to {@code radius} (no anti-aliasing). */
    public void fillRoundRect(int x0, int y0, int x1, int y1, int radius, int argb) {
        int r = Math.max(0, Math.min(radius, Math.min((x1 - x0) / 2, (y1 - y0) / 2)));
        for (int y = y0; y < y1; y++) {
            int dy = y < y0 + r ? y0 + r - y : (y >= y1 - r ? y - (y1 - r - 1) : 0);
            int inset = dy == 0 ? 0 : r - (int) Math.round(Math.sqrt(Math.max(0, r * r - (dy - 0.5) * (dy - 0.5))));
            fillRect(x0 + inset, y, x1 - inset, y + 1, argb);
        }
    }

    /** A filled diamond (a square on its tip) centred at (cx, cy), {@code r} pixels from centre to tip. */
    public void fillDiamond(int cx, int cy, int r, int argb) {
        for (int dy = -r; dy <= r; dy++) {
            int hw = r - Math.abs(dy);
            fillRect(cx - hw, cy + dy, cx + hw + 1, cy + dy + 1, argb);
        }
    }

    /** A diamond's outline {@code w} pixels wide. */
    public void strokeDiamond(int cx, int cy, int r, int w, int argb) {
        for (int dy = -r; dy <= r; dy++) {
            int hw = r - Math.abs(dy);
            int t = Math.min(hw + 1, w);
            fillRect(cx - hw, cy + dy, cx - hw + t, cy + dy + 1, argb);
            fillRect(cx + hw + 1 - t, cy + dy, cx + hw + 1, cy + dy + 1, argb);
        }
        for (int i = 0; i < w && i < r; i++) {
            fillRect(cx, cy - r + i, cx + 1, cy - r + i + 1, argb);
            fillRect(cx, cy + r - i, cx + 1, cy + r - i + 1, argb);
        }
    }

    /** Diagonal stripes: inside [x0, x1) × [y0, y1) the pixels with (x + y) mod {@code period} in the second half. */
    public void stripesDiagonal(int x0, int y0, int x1, int y1, int period, int argb) {
        int a = Math.max(0, x0 - originX);
        int b = Math.min(width, x1 - originX);
        int top = Math.max(0, y0);
        int bottom = Math.min(height, y1);
        int half = period / 2;
        for (int y = top; y < bottom; y++) {
            for (int x = a; x < b; x++) {
                if (Math.floorMod(x + originX + y, period) >= half) pixels[y * width + x] = argb;
            }
        }
    }

    /**
     * Draws {@code argb} through a coverage mask (one byte of alpha per pixel, {@code mw} wide) with
     * its top-left corner at (x, y), only where {@code clipX0 <= x < clipX1}: how text is drawn.
     */
    public void blendMask(byte[] mask, int mw, int mh, int x, int y, int argb, int clipX0, int clipX1) {
        int a = Math.max(Math.max(0, x - originX), clipX0 - originX);
        int b = Math.min(Math.min(width, x - originX + mw), clipX1 - originX);
        int top = Math.max(0, y);
        int bottom = Math.min(height, y + mh);
        int sr = (argb >> 16) & 0xff;
        int sg = (argb >> 8) & 0xff;
        int sb = argb & 0xff;
        for (int yy = top; yy < bottom; yy++) {
            int m = (yy - y) * mw - (x - originX);
            int row = yy * width;
            for (int xx = a; xx < b; xx++) {
                int cov = mask[m + xx] & 0xff;
                if (cov == 0) continue;
                if (cov == 255) {
                    pixels[row + xx] = argb | 0xff000000;
                    continue;
                }
                int d = pixels[row + xx];
                int inv = 255 - cov;
                int r = (sr * cov + ((d >> 16) & 0xff) * inv + 127) / 255;
                int g = (sg * cov + ((d >> 8) & 0xff) * inv + 127) / 255;
                int bl = (sb * cov + (d & 0xff) * inv + 127) / 255;
                pixels[row + xx] = 0xff000000 | (r << 16) | (g << 8) | bl;
            }
        }
    }

    /** {@code argb} drawn at {@code alpha} over {@code background}, as an opaque colour. */
    public static int blend(int argb, int background, double alpha) {
        int r = (int) Math.round(((argb >> 16) & 0xff) * alpha + ((background >> 16) & 0xff) * (1 - alpha));
        int g = (int) Math.round(((argb >> 8) & 0xff) * alpha + ((background >> 8) & 0xff) * (1 - alpha));
        int b = (int) Math.round((argb & 0xff) * alpha + (background & 0xff) * (1 - alpha));
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }

    /** #RRGGBB as opaque ARGB. */
    public static int rgb(String hex) {
        return 0xff000000 | Integer.parseInt(hex.substring(1), 16);
    }

    /** A darker shade (70 %). */
    public static int darker(int argb) {
        int r = (int) (((argb >> 16) & 0xff) * 0.7);
        int g = (int) (((argb >> 8) & 0xff) * 0.7);
        int b = (int) ((argb & 0xff) * 0.7);
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }
}
