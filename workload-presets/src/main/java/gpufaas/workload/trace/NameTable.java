package gpufaas.workload.trace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Function name → id lookup on raw UTF-8 bytes, so that the trace parser never builds a String per
 * line: open addressing over byte-range hashes.
 */
final class NameTable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private final byte[][] keys;
    private final int[] ids;
    private final int mask;

    NameTable(Map<String, Integer> names) {
        int cap = Integer.highestOneBit(Math.max(4, names.size() * 3)) << 1;
        keys = new byte[cap][];
        ids = new int[cap];
        mask = cap - 1;
        for (Map.Entry<String, Integer> e : names.entrySet()) {
            byte[] k = e.getKey().getBytes(StandardCharsets.UTF_8);
            int slot = hash(k, 0, k.length) & mask;
            while (keys[slot] != null) slot = (slot + 1) & mask;
            keys[slot] = k;
            ids[slot] = e.getValue();
        }
    }

    /** Id of the name in {@code b[from, to)}, or -1. */
    int find(byte[] b, int from, int to) {
        int slot = hash(b, from, to) & mask;
        int len = to - from;
        byte[] k;
        while ((k = keys[slot]) != null) {
            if (k.length == len && Arrays.equals(k, 0, len, b, from, to)) return ids[slot];
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Reads 8 bytes at a time: the first, last and middle words plus the length decide the hash. */
    private static int hash(byte[] b, int from, int to) {
        int len = to - from;
        long h;
        if (len >= 8) {
            h = (long) LONGS.get(b, from) * 0x9E3779B97F4A7C15L;
            h ^= (long) LONGS.get(b, to - 8) * 0xC2B2AE3D27D4EB4FL;
            if (len >= 16) h ^= (long) LONGS.get(b, from + (len >> 1) - 4) * 0x165667B19E3779F9L;
        } else {
            h = 0;
            for (int i = from; i < to; i++) h = h << 8 | (b[i] & 0xFF);
            h *= 0x9E3779B97F4A7C15L;
        }
        h ^= len;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ h >>> 32);
    }
}
