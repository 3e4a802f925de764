package gpufaas.workload.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Decimal digits written straight into a byte array: the hot path of the CSV writers. Eight digits
 * at a time are computed in one long (each byte one digit, by multiplications that divide the
 * four-digit halves, then the two-digit quarters, in parallel) and stored with one 8-byte write.
 * Each method takes the array and a position and returns the position after what it wrote (at most
 * 20 bytes for a long, 21 for a fixed-point value); it may also write, and leave undefined, a few
 * bytes after that, never beyond 24 bytes from the position. Callers make room for 24 bytes per value.
 */
final class Ascii {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final byte[] D3 = new byte[3000];
    private static final long[] POW10 = new long[19];
    private static final long ZEROS = 0x3030303030303030L;

    static {
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

    private Ascii() {}

    /** Number of decimal digits of {@code v} ≥ 0. */
    static int digits(long v) {
        long w = v | 1;
        int t = ((64 - Long.numberOfLeadingZeros(w)) * 1233) >>> 12;
        return t + 1 - (w < POW10[t] ? 1 : 0);
    }

    /**
     * The eight decimal digits of 0 ≤ v < 10^8 (leading zeros included) as ASCII bytes of a long, the
     * most significant digit in the lowest byte: stored little-endian, they read in order.
     */
    private static long eightDigits(long v) {
        long merged = (v / 10_000) | ((v % 10_000) << 32); // two 4-digit halves
        long hundreds = ((merged * 10486) >>> 20) & 0x0000_007F_0000_007FL; // each half / 100
        long quarters = ((merged - 100 * hundreds) << 16) + hundreds; // four 2-digit quarters
        long tens = ((quarters * 103) >>> 10) & 0x000F_000F_000F_000FL; // each quarter / 10
        return tens + ((quarters - 10 * tens) << 8) + ZEROS;
    }

    /** Writes 0 ≤ v < 10^8 without leading zeros (at least one digit). */
    private static int putUpTo8(byte[] b, int p, long v) {
        int n = digits(v);
        LONGS.set(b, p, eightDigits(v) >>> ((8 - n) << 3));
        return p + n;
    }

    /** Writes {@code v} (any long). */
    static int putLong(byte[] b, int p, long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                byte[] m = "-9223372036854775808".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(m, 0, b, p, m.length);
                return p + m.length;
            }
            b[p++] = '-';
            v = -v;
        }
        return putNonNegative(b, p, v);
    }

    private static int putNonNegative(byte[] b, int p, long v) {
        if (v < 100_000_000) return putUpTo8(b, p, v);
        long hi = v / 100_000_000;
        long lo = v - hi * 100_000_000;
        if (hi < 100_000_000) {
            p = putUpTo8(b, p, hi);
        } else {
            long top = hi / 100_000_000;
            p = putUpTo8(b, p, top);
            LONGS.set(b, p, eightDigits(hi - top * 100_000_000));
            p += 8;
        }
        LONGS.set(b, p, eightDigits(lo));
        return p + 8;
    }

    /** Writes {@code v / 1000} with exactly 3 decimals ({@code 1500} → {@code 1.500}). */
    static int putMillis(byte[] b, int p, long v) {
        if (v < 0) {
            b[p++] = '-';
            v = -v;
        }
        long whole = v / 1000;
        int f = (int) (v - whole * 1000) * 3;
        p = putNonNegative(b, p, whole);
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
        long frac = v - whole * 1_000_000;
        p = putNonNegative(b, p, whole);
        b[p] = '.';
        // the six decimals are the last six of eight digits with two leading zeros
        LONGS.set(b, p + 1, eightDigits(frac) >>> 16);
        return p + 7;
    }

    /** Copies {@code src} to {@code b} at {@code p}. */
    static int put(byte[] b, int p, byte[] src) {
        System.arraycopy(src, 0, b, p, src.length);
        return p + src.length;
    }
}
