package gpufaas.workload.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiTest {
    private static final long[] EDGES = {
        0,
        1,
        9,
        10,
        11,
        99,
        100,
        101,
        999,
        1000,
        9999,
        10_000,
        99_999,
        100_000,
        999_999,
        1_000_000,
        9_999_999,
        10_000_000,
        99_999_999,
        100_000_000,
        999_999_999,
        1_000_000_000,
        Integer.MAX_VALUE,
        Integer.MAX_VALUE + 1L,
        9_999_999_999L,
        10_000_000_000L,
        123_456_789_012_345L,
        100_000_000_000_000_000L,
        Long.MAX_VALUE,
        -1,
        -100_000_000_000L,
        Long.MIN_VALUE
    };

    private static String longText(long v) {
        byte[] b = new byte[24];
        return new String(b, 0, Ascii.putLong(b, 0, v), StandardCharsets.US_ASCII);
    }

    private static void check(long v) {
        assertThat(longText(v)).isEqualTo(Long.toString(v));
        assertThat(Ascii.digits(Math.abs(v == Long.MIN_VALUE ? Long.MAX_VALUE : v)))
                .isEqualTo(Long.toString(Math.abs(v == Long.MIN_VALUE ? Long.MAX_VALUE : v))
                        .length());
        byte[] w = new byte[5 + 24];
        Arrays.fill(w, (byte) 'x');
        int end = Ascii.putLong(w, 5, v);
        assertThat(new String(w, 0, end, StandardCharsets.US_ASCII)).isEqualTo("xxxxx" + v);
        if (v < 0) return;
        byte[] m = new byte[5 + 24];
        Arrays.fill(m, (byte) 'x');
        end = Ascii.putMillis(m, 5, v);
        assertThat(new String(m, 0, end, StandardCharsets.US_ASCII))
                .isEqualTo("xxxxx" + (v / 1000) + "." + String.format("%03d", v % 1000));
        Arrays.fill(m, (byte) 'x');
        end = Ascii.putMicros(m, 5, v);
        assertThat(new String(m, 0, end, StandardCharsets.US_ASCII))
                .isEqualTo("xxxxx" + (v / 1_000_000) + "." + String.format("%06d", v % 1_000_000));
        byte[] b = new byte[24];
        assertThat(new String(b, 0, Ascii.putMillis(b, 0, v), StandardCharsets.US_ASCII))
                .isEqualTo((v / 1000) + "." + String.format("%03d", v % 1000));
        assertThat(new String(b, 0, Ascii.putMicros(b, 0, v), StandardCharsets.US_ASCII))
                .isEqualTo((v / 1_000_000) + "." + String.format("%06d", v % 1_000_000));
    }

    @Test
    void digitsMatchTheJdkAtEveryPowerOfTenAndForRandomValues() {
        for (long v : EDGES) check(v);
        Random r = new Random(7);
        for (long v = 0; v < 100_000; v++) check(v);
        for (int i = 0; i < 200_000; i++) {
            check(r.nextLong());
            check(r.nextLong() >>> r.nextInt(64));
            check(r.nextInt(Integer.MAX_VALUE));
            check((long) r.nextInt(1000) * (long) Math.pow(10, r.nextInt(16)));
        }
    }
}
