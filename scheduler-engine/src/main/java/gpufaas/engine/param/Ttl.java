package gpufaas.engine.param;

import java.util.Locale;

/**
 * A keep-alive: either a fixed number of seconds or α × the function's mean inter-arrival time.
 * Ilúvatar's convention is accepted too: a negative number of seconds means a multiplier of IAT.
 */
public record Ttl(boolean iatMultiple, double value) {

    public static Ttl parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("xiat") || t.endsWith("*iat")) {
            double a = Double.parseDouble(t.substring(0, t.length() - 4));
            if (!(a >= 0) || Double.isInfinite(a)) throw new NumberFormatException("multiplier must be >= 0");
            return new Ttl(true, a);
        }
        double seconds;
        if (t.endsWith("ms")) seconds = Double.parseDouble(t.substring(0, t.length() - 2)) / 1000.0;
        else if (t.endsWith("s")) seconds = Double.parseDouble(t.substring(0, t.length() - 1));
        else seconds = Double.parseDouble(t);
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) throw new NumberFormatException("not a number");
        if (seconds < 0) return new Ttl(true, -seconds);
        return new Ttl(false, seconds);
    }

    /** TTL in microseconds for a function whose mean inter-arrival time is {@code meanIatUs}. */
    public long micros(double meanIatUs) {
        if (!iatMultiple) return Math.round(value * 1e6);
        if (Double.isNaN(meanIatUs) || Double.isInfinite(meanIatUs)) return 0;
        return Math.round(value * meanIatUs);
    }

    @Override
    public String toString() {
        return iatMultiple ? trim(value) + "xIAT" : trim(value) + "s";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
