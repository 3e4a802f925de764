package gpufaas.views.transport;

import java.util.Locale;

/**
 * How fast simulated time runs: {@code factor} × real time (0.1 to 1000), or as fast as the CPU
 * allows ({@link #MAX}).
 */
public record Speed(double factor) {
    public static final double MIN_FACTOR = 0.1;
    public static final double MAX_FACTOR = 1000;
    public static final Speed MAX = new Speed(Double.POSITIVE_INFINITY);

    public Speed {
        if (!(factor == Double.POSITIVE_INFINITY || (factor >= MIN_FACTOR && factor <= MAX_FACTOR))) {
            throw new IllegalArgumentException("speed must be 0.1x to 1000x or max, got " + factor);
        }
    }

    public static Speed of(double factor) {
        return new Speed(factor);
    }

    public boolean isMax() {
        return factor == Double.POSITIVE_INFINITY;
    }

    /** "10×", "0.5×", "max". */
    public String label() {
        if (isMax()) return "max";
        if (factor >= 10) return String.format(Locale.ROOT, "%.0f×", factor);
        if (factor >= 1) return String.format(Locale.ROOT, "%.1f×", factor).replace(".0×", "×");
        return String.format(Locale.ROOT, "%.2f×", factor).replaceAll("0+×$", "×");
    }
}
