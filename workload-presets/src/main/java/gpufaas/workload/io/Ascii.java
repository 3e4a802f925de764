package gpufaas.workload.io;

/**
 * Decimal digits written straight into a byte array, two or three at a time from tables: the hot
 * path of the CSV writers. Each method takes the array and a position and returns the position
 * after what it wrote; callers make room first (20 bytes per long, 21 per fixed-point value).
 */
final class Ascii {
    private static final byte[] D2 = new byte[200];
    private static final byte[] D3 = new byte[3000];
    private static final long[] POW10 = new long[19];

    static {
        for (int i = 0; i < 100; i++) {
            D2[2 * i] = (byte) ('0' + i / 10);
            D2[2 * i + 1] = (byte) ('0' + i % 10);
        }
        for (int i = 0; i < 1000; i++) {
            D3[3 * i] = (byte) ('0' + i / 100);
            D3[3 * i + 1] = (byte) ('0' + i / 10 % 10);
            D3[3 * i + 2] = (byte) ('0' + i % 10);
        }
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Ascii() { }

    /** Number of decimal digits of {@code v} ≥ 0. */
    static int digits(long v) {
        long w = v | 1;
        int t = ((64 - Long.numberOfLeadingZeros(w)) * 1233) >>> 12;
        return t + 1 - (w < POW10[t] ? 1 : 0);
    }

    /** Writes {@code v} (any long). */
    static int putLong(byte[] b, int p, long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                byte[] m = "-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                System.arraycopy(m, 0, b, p, m.length);
                return p + m.length;
            }
            b[p++] = '-';
            v = -v;
        }
        if (v <= Integer.MAX_VALUE) return putNonNegativeInt(b, p, (int) v);
        long hi = v / 100_000_000;
        p = putLong(b, p, hi);
        return put8(b, p, (int) (v - hi * 100_000_000));
    }

    /**
     * Writes {@code v} ≥ 0. The two-digit groups are computed from {@code v} independently (no
     * chain of divisions), so the processor works on them in parallel.
     */
    private static int putNonNegativeInt(byte[] b, int p, int v) {
        if (v < 10) {
            b[p] = (byte) ('0' + v);
            return p + 1;
        }
        int n = digits(v);
        int end = p + n;
        int v2 = v / 100;
        int v4 = v / 10_000;
        int v6 = v / 1_000_000;
        int v8 = v / 100_000_000;
        pair(b, end - 2, v - v2 * 100);
        if (n <= 3) {
            if (n == 3) b[p] = (byte) ('0' + v2);
            return end;
        }
        pair(b, end - 4, v2 - v4 * 100);
        if (n <= 5) {
            if (n == 5) b[p] = (byte) ('0' + v4);
            return end;
        }
        pair(b, end - 6, v4 - v6 * 100);
        if (n <= 7) {
            if (n == 7) b[p] = (byte) ('0' + v6);
            return end;
        }
        pair(b, end - 8, v6 - v8 * 100);
        if (n == 9) b[p] = (byte) ('0' + v8);
        else if (n == 10) pair(b, p, v8);
        return end;
    }

    /** Writes 0 ≤ v < 10^8 as exactly 8 digits. */
    private static int put8(byte[] b, int p, int v) {
        int v2 = v / 100;
        int v4 = v / 10_000;
        int v6 = v / 1_000_000;
        pair(b, p + 6, v - v2 * 100);
        pair(b, p + 4, v2 - v4 * 100);
        pair(b, p + 2, v4 - v6 * 100);
        pair(b, p, v6);
        return p + 8;
    }

    private static void pair(byte[] b, int at, int v) {
        int r = v << 1;
        b[at] = D2[r];
        b[at + 1] = D2[r + 1];
    }

    /** Writes {@code v / 1000} with exactly 3 decimals ({@code 1500} → {@code 1.500}). */
    static int putMillis(byte[] b, int p, long v) {
        if (v < 0) {
            b[p++] = '-';
            v = -v;
        }
        long whole = v / 1000;
        int f = (int) (v - whole * 1000) * 3;
        p = putLong(b, p, whole);
        b[p] = '.';
        b[p + 1] = D3[f];
        b[p + 2] = D3[f + 1];
        b[p + 3] = D3[f + 2];
        return p + 4;
    }

    /** Writes {@code v / 1000000} with exactly 6 decimals ({@code 1500} → {@code 0.001500}). */
    static int putMicros(byte[] b, int p, long v) {
        if (v < 0) {
            b[p++] = '-';
            v = -v;
        }
        long whole = v / 1_000_000;
        int frac = (int) (v - whole * 1_000_000);
        int hi = frac / 1000;
        int lo = (frac - hi * 1000) * 3;
        hi *= 3;
        p = putLong(b, p, whole);
        b[p] = '.';
        b[p + 1] = D3[hi];
        b[p + 2] = D3[hi + 1];
        b[p + 3] = D3[hi + 2];
        b[p + 4] = D3[lo];
        b[p + 5] = D3[lo + 1];
        b[p + 6] = D3[lo + 2];
        return p + 7;
    }

    /** Copies {@code src} to {@code b} at {@code p}. */
    static int put(byte[] b, int p, byte[] src) {
        System.arraycopy(src, 0, b, p, src.length);
        return p + src.length;
    }
}
