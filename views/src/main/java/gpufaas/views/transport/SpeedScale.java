package gpufaas.views.transport;

/**
 * The speed slider's scale: positions 0..4 map logarithmically to 0.1× .. 1000× (one decade per
 * unit), and back.
 */
public final class SpeedScale {
    public static final double MIN_POSITION = 0;
    public static final double MAX_POSITION = 4;
    /** One arrow key on the slider: a third of a decade. */
    public static final double KEY_STEP = 1.0 / 3;

    private SpeedScale() {}

    public static double factorAt(double position) {
        double p = Math.max(MIN_POSITION, Math.min(MAX_POSITION, position));
        double f = Math.pow(10, p - 1);
        return Math.max(Speed.MIN_FACTOR, Math.min(Speed.MAX_FACTOR, round(f)));
    }

    public static double positionOf(double factor) {
        double f = Math.max(Speed.MIN_FACTOR, Math.min(Speed.MAX_FACTOR, factor));
        return Math.log10(f) + 1;
    }

    /** Two significant digits: 0.1, 0.15, 1.2, 35, 470. */
    private static double round(double f) {
        double mag = Math.pow(10, Math.floor(Math.log10(f)) - 1);
        return Math.round(f / mag) * mag;
    }
}
