package gpufaas.workload.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceCsvWriterTest {
    private static final List<FunctionSpec> FNS =
            List.of(FunctionSpec.gpu(0, "a", 1, 2, 3), FunctionSpec.gpu(1, "b", 1, 2, 3));

    @Test
    void write_microsecondTimes_writesMillisWithShortestDecimals() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TraceCsvWriter w = new TraceCsvWriter(out, FNS)) {
            w.write(0, 0);
            w.write(1_500, 1);
            w.write(2_050, 0);
            w.write(3_007, 1);
            w.write(12_345_678, 0);
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("func_name,invoke_time_ms\na,0\nb,1.5\na,2.05\nb,3.007\na,12345.678\n");
    }

    @Test
    void formatMs_wholeMillis_hasNoDecimalPoint() {
        assertThat(TraceCsvWriter.formatMs(42_000)).isEqualTo("42");
        assertThat(TraceCsvWriter.formatMs(42_100)).isEqualTo("42.1");
    }

    @Test
    void constructor_nameWithComma_isRejected() {
        List<FunctionSpec> bad = List.of(FunctionSpec.gpu(0, "a,b", 1, 2, 3));
        assertThatThrownBy(() -> new TraceCsvWriter(new ByteArrayOutputStream(), bad))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("a,b");
    }
}
