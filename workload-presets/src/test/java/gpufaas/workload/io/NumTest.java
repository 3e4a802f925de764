package gpufaas.workload.io;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
