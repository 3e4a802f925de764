package gpufaas.workload.trace;

import java.nio.charset.StandardCharsets;

/**
 * Milliseconds written as text (integer, decimal or with an exponent, optionally quoted or padded)
 * to whole microseconds, rounded half up: the trace reader's one number parser, for its times and
 * SLO cells. Plain decimals are parsed on their bytes; anything else (an exponent, say) goes through
 * {@link Double#parseDouble} with the same checks.
 */
final class MillisText {
    /** 2^42 ms is about 139 years: larger times are certainly a mistake. */
    static final long MAX_MS = 1L << 42;

    private MillisText() {}

    /** Microseconds of the text in {@code b[s, e)}; an IllegalArgumentException says what is wrong. */
    static long micros(byte[] b, int s, int e) {
        while (s < e && isSpace(b[s])) s++;
        while (e > s && isSpace(b[e - 1])) e--;
        if (e - s >= 2 && b[s] == '"' && b[e - 1] == '"') {
            s++;
            e--;
        }
        if (s == e) throw new IllegalArgumentException("value is missing");
        int i = s;
        if (b[i] == '-') throw bad(b, s, e, "must not be negative");
        if (b[i] == '+') i++;
        long ms = 0;
        int digits = 0;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            ms = ms * 10 + (b[i++] - '0');
            if (++digits > 13 || ms > MAX_MS) return viaDouble(b, s, e);
        }
        long frac = 0;
        int fracDigits = 0;
        if (i < e && b[i] == '.') {
            i++;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                int d = b[i++] - '0';
                if (fracDigits < 3) frac = frac * 10 + d;
                else if (fracDigits == 3 && d >= 5) frac++;
                fracDigits++;
            }
            digits += fracDigits;
        }
        if (i < e || digits == 0) return viaDouble(b, s, e);
        for (int k = fracDigits; k < 3; k++) frac *= 10;
        return ms * 1000 + frac;
    }

    /** Exponents and other rare spellings: Java's parser, with the same checks. */
    private static long viaDouble(byte[] b, int s, int e) {
        double ms;
        try {
            ms = Double.parseDouble(new String(b, s, e - s, StandardCharsets.UTF_8));
        } catch (NumberFormatException x) {
            throw bad(b, s, e, "is not a number");
        }
        if (Double.isNaN(ms) || Double.isInfinite(ms) || ms >= MAX_MS) throw bad(b, s, e, "is not a finite time");
        if (ms < 0) throw bad(b, s, e, "must not be negative");
        return Math.round(ms * 1000.0);
    }

    private static IllegalArgumentException bad(byte[] b, int s, int e, String problem) {
        return new IllegalArgumentException("'" + new String(b, s, e - s, StandardCharsets.UTF_8) + "' " + problem);
    }

    static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }
}
