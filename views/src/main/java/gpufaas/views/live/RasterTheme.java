package gpufaas.views.live;

import gpufaas.engine.policy.FlowState;

/**
 * The colours (opaque ARGB) and the font scale a painter draws with, taken from the window's
 * theme: background, text, muted text, grid lines, strong lines, the V…V+T band (already blended
 * over the background), the states' chips, and the residency map's strips. Plain Java.
 */
public record RasterTheme(
        boolean dark,
        double scale,
        int background,
        int alternate,
        int header,
        int text,
        int muted,
        int grid,
        int strong,
        int band,
        int active,
        int throttled,
        int inactive,
        int inactiveText,
        int stripFill,
        int stripEdge,
        int hostFill,
        int hostEdge) {
    /** The light theme at font scale 1 (tests; the views build theirs from {@code ViewStyle}). */
    public static RasterTheme light(double scale) {
        int bg = 0xffffffff;
        return new RasterTheme(
                false,
                scale,
                bg,
                0xfff6f7f9,
                0xffeceef1,
                0xff1b1f24,
                0xff555c66,
                0xffe3e6ea,
                0xff000000,
                PixelRaster.blend(0xff0072b2, bg, 0.14),
                PixelRaster.rgb(FunctionPalette.ACTIVE),
                PixelRaster.rgb(FunctionPalette.THROTTLED),
                0xffd9d9d9,
                0xff1b1f24,
                0xffeef1f5,
                0xff8a919c,
                0xfff7f7f7,
                0xffb7bcc4);
    }

    /** The dark theme at font scale {@code scale}. */
    public static RasterTheme dark(double scale) {
        int bg = 0xff1f2227;
        return new RasterTheme(
                true,
                scale,
                bg,
                0xff23272d,
                0xff2b2f36,
                0xffe6e9ee,
                0xffa9b0ba,
                0xff3a3f47,
                0xffffffff,
                PixelRaster.blend(0xff56b4e9, bg, 0.25),
                PixelRaster.rgb(FunctionPalette.ACTIVE),
                PixelRaster.rgb(FunctionPalette.THROTTLED),
                0xff5a5f66,
                0xffffffff,
                0xff2f343c,
                0xff7d8590,
                0xff262a30,
                0xff6b727c);
    }

    /** The colour of a state's chip. */
    public int state(FlowState s) {
        return switch (s) {
            case ACTIVE -> active;
            case THROTTLED -> throttled;
            case INACTIVE -> inactive;
        };
    }

    /** The text on a state's chip. */
    public int stateText(FlowState s) {
        return s == FlowState.INACTIVE ? inactiveText : 0xffffffff;
    }
}
