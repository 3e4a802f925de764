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

    private Num() {}

    /** {@code v} rounded to 6 significant digits, or null for NaN and infinities. */
    public static BigDecimal round(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) return null;
        if (v == 0) return BigDecimal.ZERO;
        BigDecimal d = new BigDecimal(v).round(CONTEXT).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    /**
     * {@code v} as text for a CSV field: the rounded value, or "" for NaN and infinities. The text is
     * {@code round(v).toPlainString()}; values whose rounding is not in doubt are printed without
     * BigDecimal arithmetic (see {@link #fastCsv}).
     */
    public static String csv(double v) {
        String fast = fastCsv(v);
        if (fast != null) return fast;
        BigDecimal d = round(v);
        return d == null ? "" : d.toPlainString();
    }

    /** Powers of ten exact in a double. */
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    /**
     * The text of {@code round(v)} when it can be found in double arithmetic without doubt, else null.
     * {@code |v| × 10^(5 − e)}, with e the decimal exponent of v, lies in [10^5, 10^6) and is computed
     * with one rounding (a multiplication or division by an exact power of ten: an error under
     * 2^-32); rounding it half up to an integer gives the six significant digits whenever its fraction
     * is not within 10^-6 of one half, nor the value within that of the range's ends. Otherwise, and
     * for magnitudes outside [10^-15, 10^15), the caller falls back to BigDecimal.
     */
    static String fastCsv(double v) {
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (!(a >= 1e-15 && a < 1e15)) return null;
        if (a < 1e6 && a == Math.rint(a)) return Long.toString((long) v); // an integer of at most six digits
        int e = (int) Math.floor(Math.log10(a));
        double scaled = scale(a, 5 - e);
        if (scaled < 1e5) scaled = scale(a, 5 - --e);
        else if (scaled >= 1e6) scaled = scale(a, 5 - ++e);
        if (!(scaled >= 1e5 + 1e-6 && scaled < 1e6 - 1e-6)) return null;
        double floor = Math.floor(scaled);
        double frac = scaled - floor;
        if (Math.abs(frac - 0.5) < 1e-6) return null;
        long m = (long) floor + (frac > 0.5 ? 1 : 0);
        if (m == 1_000_000) {
            m = 100_000;
            e++;
        }
        return place(v < 0, m, e);
    }

    private static double scale(double a, int k) {
        return k >= 0 ? a * POW10[k] : a / POW10[-k];
    }

    /** The six digits {@code m} (10^5 ≤ m < 10^6) times 10^(e − 5), in plain notation without trailing zeros. */
    private static String place(boolean negative, long m, int e) {
        StringBuilder b = new StringBuilder(24);
        if (negative) b.append('-');
        String digits = Long.toString(m);
        if (e >= 5) {
            b.append(digits);
            for (int i = 5; i < e; i++) b.append('0');
            return b.toString();
        }
        int end = 6;
        while (end > 1 && digits.charAt(end - 1) == '0') end--;
        if (e >= 0) {
            b.append(digits, 0, e + 1);
            if (end > e + 1) b.append('.').append(digits, e + 1, end);
        } else {
            b.append("0.");
            for (int i = -1; i > e; i--) b.append('0');
            b.append(digits, 0, end);
        }
        return b.toString();
    }

    /**
     * Microseconds as seconds, exact, without trailing zeros ({@code 1500000} → {@code 1.5},
     * {@code 2000000} → {@code 2}).
     */
    public static String seconds(long us) {
        if (us >= 0) {
            long whole = us / 1_000_000;
            int frac = (int) (us - whole * 1_000_000);
            if (frac == 0) return Long.toString(whole);
            int digits = 6;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            String f = Integer.toString(frac);
            return whole + "." + "0".repeat(digits - f.length()) + f;
        }
        BigDecimal d = BigDecimal.valueOf(us, 6).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }
}
