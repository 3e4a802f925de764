package gpufaas.workload.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one way results print numbers, so the same run gives the same bytes everywhere: doubles are
 * rounded half-up to 6 significant digits from their exact binary value and printed in plain
 * notation without trailing zeros ({@code 0.333333}, {@code 1234570}, {@code 2.5}, {@code 0});
 * NaN and infinities have no text (empty CSV field, JSON null).
 */
public final class Num {
    /** Significant digits kept of every double. */
    public static final int DIGITS = 6;
    private static final MathContext CONTEXT = new MathContext(DIGITS, RoundingMode.HALF_UP);

    private Num() { }

    /** {@code v} rounded to 6 significant digits, or null for NaN and infinities. */
    public static BigDecimal round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return null;
        if (v == 0) return BigDecimal.ZERO;
        BigDecimal d = new BigDecimal(v).round(CONTEXT).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /** {@code v} as text for a CSV field: the rounded value, or "" for NaN and infinities. */
    public static String csv(double v) {
        BigDecimal d = round(v);
        return d == null ? "" : d.toPlainString();
    }

    /**
     * Microseconds as seconds, exact, without trailing zeros ({@code 1500000} → {@code 1.5},
     * {@code 2000000} → {@code 2}).
     */
    public static String seconds(long us) {
        BigDecimal d = BigDecimal.valueOf(us, 6).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }
}
