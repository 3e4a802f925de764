package gpufaas.views.live;

/**
 * Colours for functions and flow states that people with the common colour-vision deficiencies
 * can tell apart: the Okabe–Ito palette, then Paul Tol's muted scheme. States are never told by
 * colour alone: every state is also written out.
 */
public final class FunctionPalette {
    private static final String[] COLOURS = {
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
        "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499",
    };

    /** Active: bluish green; Throttled: vermillion; Inactive: grey. */
    public static final String ACTIVE = "#009E73";
    public static final String THROTTLED = "#D55E00";
    public static final String INACTIVE = "#8C8C8C";

    private FunctionPalette() { }

    /** The colour of function {@code fn} as #RRGGBB. */
    public static String colour(int fn) {
        return COLOURS[Math.floorMod(fn, COLOURS.length)];
    }

    /** The state written out with a shape, so it never depends on colour: "● Active", "‖ Throttled", "○ Inactive". */
    public static String stateText(gpufaas.engine.policy.FlowState s) {
        return switch (s) {
            case ACTIVE -> "● Active";
            case THROTTLED -> "‖ Throttled";
            case INACTIVE -> "○ Inactive";
        };
    }

    public static String state(gpufaas.engine.policy.FlowState s) {
        return switch (s) {
            case ACTIVE -> ACTIVE;
            case THROTTLED -> THROTTLED;
            case INACTIVE -> INACTIVE;
        };
    }
}
