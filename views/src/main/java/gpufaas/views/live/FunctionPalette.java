package gpufaas.views.live;

import gpufaas.engine.policy.FlowState;

/**
 * Colours for functions and flow states that people with the common colour-vision deficiencies
 * can tell apart: the Okabe–Ito palette, then Paul Tol's muted scheme. States are never told by
 * colour alone: every state is also written out.
 */
public final class FunctionPalette {
    private static final String[] COLOURS = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000", "#332288", "#88CCEE",
        "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
    };

    /** Active: bluish green; Throttled: vermillion; Inactive: grey. */
    public static final String ACTIVE = "#009E73";

    public static final String THROTTLED = "#D55E00";
    public static final String INACTIVE = "#8C8C8C";

    private FunctionPalette() {}

    /** The dark theme's background, against which {@link #colour(int, boolean)} keeps every colour visible. */
    static final int DARK_BACKGROUND = 0x1f2227;
    /** Least contrast (WCAG ratio) of a function's colour against the dark background: that of graphics, 3:1. */
    static final double MIN_CONTRAST = 3.0;

    /** The colour of function {@code fn} as #RRGGBB. */
    public static String colour(int fn) {
        return COLOURS[Math.floorMod(fn, COLOURS.length)];
    }

    /**
     * The colour of function {@code fn} as opaque ARGB for the theme: on the dark theme a colour too
     * dark to see against the background (black, indigo, wine) is lightened until it stands out 3:1.
     */
    public static int argb(int fn, boolean dark) {
        return (dark ? DARK_ARGB : LIGHT_ARGB)[Math.floorMod(fn, COLOURS.length)];
    }

    /** The colours as ARGB, and lightened for the dark theme: worked out once, painters ask per row. */
    private static final int[] LIGHT_ARGB = new int[COLOURS.length];

    private static final int[] DARK_ARGB = new int[COLOURS.length];

    static {
        for (int i = 0; i < COLOURS.length; i++) {
            int c = 0xff000000 | Integer.parseInt(COLOURS[i].substring(1), 16);
            LIGHT_ARGB[i] = c;
            int d = c;
            for (double a = 0.1; contrast(d, DARK_BACKGROUND) < MIN_CONTRAST && a <= 1.0; a += 0.1) {
                d = PixelRaster.blend(0xffffffff, c, a);
            }
            DARK_ARGB[i] = d;
        }
    }

    /** WCAG contrast ratio of two colours (RGB, alpha ignored). */
    static double contrast(int a, int b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG relative luminance of an RGB colour. */
    static double luminance(int rgb) {
        return 0.2126 * linear((rgb >> 16) & 0xff) + 0.7152 * linear((rgb >> 8) & 0xff) + 0.0722 * linear(rgb & 0xff);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** How many function colours there are before they repeat. */
    public static int size() {
        return COLOURS.length;
    }

    /** The state written out with a shape, so it never depends on colour: "● Active", "‖ Throttled", "○ Inactive". */
    public static String stateText(FlowState s) {
        return switch (s) {
            case ACTIVE -> "● Active";
            case THROTTLED -> "‖ Throttled";
            case INACTIVE -> "○ Inactive";
        };
    }

    public static String state(FlowState s) {
        return switch (s) {
            case ACTIVE -> ACTIVE;
            case THROTTLED -> THROTTLED;
            case INACTIVE -> INACTIVE;
        };
    }
}
