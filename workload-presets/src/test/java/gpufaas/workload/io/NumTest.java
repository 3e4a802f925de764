package gpufaas.workload.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NumTest {
    @Test
    void doublesKeepSixSignificantDigitsInPlainNotation() {
        assertThat(Num.csv(1.0 / 3)).isEqualTo("0.333333");
        assertThat(Num.csv(2.0 / 3)).isEqualTo("0.666667");
        assertThat(Num.csv(1234567.8)).isEqualTo("1234570");
        assertThat(Num.csv(2.5)).isEqualTo("2.5");
        assertThat(Num.csv(100)).isEqualTo("100");
        assertThat(Num.csv(0.0)).isEqualTo("0");
        assertThat(Num.csv(-0.0)).isEqualTo("0");
        assertThat(Num.csv(1.5e-9)).isEqualTo("0.0000000015");
        assertThat(Num.csv(-12.3456789)).isEqualTo("-12.3457");
        assertThat(Num.csv(Double.NaN)).isEmpty();
        assertThat(Num.csv(Double.POSITIVE_INFINITY)).isEmpty();
    }

    /** What every text must be: BigDecimal's rounding of the exact binary value, in plain notation. */
    private static String slow(double v) {
        BigDecimal d = Num.round(v);
        return d == null ? "" : d.toPlainString();
    }

    @Test
    void csv_isBigDecimalsTextForEveryKindOfValue() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 600_000; i++) {
            double v = switch (i % 8) {
                case 0 -> r.nextDouble(); // utilizations
                case 1 -> r.nextDouble() * Math.pow(10, r.nextInt(-16, 17)); // any magnitude
                case 2 -> r.nextLong(10_000_000) / 1000.0; // ms with three decimals
                case 3 -> (r.nextLong(2_000_000) + 0.5) / Math.pow(10, r.nextInt(0, 12)); // near halves
                case 4 -> (double) r.nextLong(100_000_000); // integers, some of 7+ digits
                case 5 -> -r.nextDouble() * 1000; // negatives
                case 6 -> r.nextLong(1_000_000) / 1e6; // short decimals
                default -> Double.longBitsToDouble(r.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL); // any finite double
            };
            String fast = Num.fastCsv(v);
            if (fast != null)
                assertThat(fast).as("%s (%s)", v, Double.doubleToRawLongBits(v)).isEqualTo(slow(v));
            assertThat(Num.csv(v)).isEqualTo(slow(v));
        }
        for (double v : new double[] {
            1e-15,
            9.999995e-6,
            99999.95,
            999999.5,
            999999.4,
            1e6,
            1e5,
            0.1,
            0.7,
            1.4,
            123456.5,
            0.0000123456789,
            5e-324,
            Double.MIN_NORMAL,
            -1e15,
            1e15,
            4503599627370497.0
        }) {
            assertThat(Num.csv(v)).as("%s", v).isEqualTo(slow(v));
        }
    }

    @Test
    void fastCsv_coversTheCommonValues() {
        // the time series' columns: utilizations, memory in MB, mean latencies in ms
        assertThat(Num.fastCsv(0.734512)).isEqualTo("0.734512");
        assertThat(Num.fastCsv(81504)).isEqualTo("81504");
        assertThat(Num.fastCsv(192.4567891)).isEqualTo("192.457");
        assertThat(Num.fastCsv(1.4)).isEqualTo("1.4");
    }

    @Test
    void seconds_matchBigDecimal() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            long us = i < 100_000 ? i * 37L : r.nextLong(Long.MAX_VALUE);
            BigDecimal d = BigDecimal.valueOf(us, 6).stripTrailingZeros();
            assertThat(Num.seconds(us)).isEqualTo((d.scale() < 0 ? d.setScale(0) : d).toPlainString());
        }
        assertThat(Num.seconds(-1_500_000)).isEqualTo("-1.5");
    }

    @Test
    void secondsAreExactMicroseconds() {
        assertThat(Num.seconds(1_500_000)).isEqualTo("1.5");
        assertThat(Num.seconds(2_000_000)).isEqualTo("2");
        assertThat(Num.seconds(1)).isEqualTo("0.000001");
        assertThat(Num.seconds(0)).isEqualTo("0");
    }

    @Test
    void snakeCaseOfRecordComponents() {
        assertThat(Csv.snake("p999E2eMs")).isEqualTo("p999_e2e_ms");
        assertThat(Csv.snake("throughputPerS")).isEqualTo("throughput_per_s");
        assertThat(Csv.snake("function")).isEqualTo("function");
    }
}
