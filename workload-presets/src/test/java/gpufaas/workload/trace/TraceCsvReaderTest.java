package gpufaas.workload.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCsvReaderTest {
    private static final Map<String, Integer> IDS = Map.of("a", 0, "b", 1, "long-name-ü", 2);

    private static TraceCsvReader reader(String text) {
        return new TraceCsvReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.csv", IDS);
    }

    /** [timeUs, function] pairs. */
    private static List<long[]> readAll(TraceCsvReader r) {
        List<long[]> out = new ArrayList<>();
        while (r.advance()) out.add(new long[] {r.timeUs(), r.function()});
        return out;
    }

    @Test
    void advance_integerAndDecimalMillis_convertsToRoundedMicros() {
        List<long[]> rows =
                readAll(reader("func_name,invoke_time_ms\na,0\nb,1.5\na,2.0004\nb,2.0005\na,3.123456\nb,10\n"));
        assertThat(rows).extracting(x -> x[0]).containsExactly(0L, 1500L, 2000L, 2001L, 3123L, 10_000L);
        assertThat(rows).extracting(x -> x[1]).containsExactly(0L, 1L, 0L, 1L, 0L, 1L);
    }

    @Test
    void advance_columnsInOtherOrderWithExtras_findsColumnsByHeaderName() {
        List<long[]> rows = readAll(reader("x,invoke_time_ms,junk,func_name,more\n1,5,z,b,9\n2,7,z,a,9\n"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsExactly(5000, 1);
        assertThat(rows.get(1)).containsExactly(7000, 0);
    }

    @Test
    void advance_crlfBlankLinesBomQuotesAndNoFinalNewline_parsesEveryRow() {
        String text = "\uFEFFfunc_name,invoke_time_ms\r\na,1\r\n\r\n\"b\", 2 \r\nlong-name-ü,3";
        List<long[]> rows = readAll(reader(text));
        assertThat(rows).extracting(x -> x[1]).containsExactly(0L, 1L, 2L);
        assertThat(rows).extracting(x -> x[0]).containsExactly(1000L, 2000L, 3000L);
    }

    @Test
    void advance_exponentNotation_isParsedWithTheSameRounding() {
        assertThat(readAll(reader("func_name,invoke_time_ms\na,1.5e3\n")).get(0)[0])
                .isEqualTo(1_500_000L);
    }

    @Test
    void advance_unknownFunction_namesFileLineAndField() {
        TraceCsvReader r = reader("func_name,invoke_time_ms\na,1\nzzz,2\n");
        assertThat(r.advance()).isTrue();
        assertThatThrownBy(r::advance)
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("t.csv, line 3, field 'func_name'")
                .hasMessageContaining("unknown function 'zzz'");
    }

    @Test
    void advance_negativeTime_isRejected() {
        TraceCsvReader r = reader("func_name,invoke_time_ms\na,-1\n");
        assertThatThrownBy(r::advance)
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    BadInputException b = (BadInputException) e;
                    assertThat(b.line()).isEqualTo(2);
                    assertThat(b.field()).isEqualTo("invoke_time_ms");
                })
                .hasMessageContaining("negative");
    }

    @Test
    void advance_nonNumber_isRejected() {
        TraceCsvReader r = reader("func_name,invoke_time_ms\na,12x\n");
        assertThatThrownBy(r::advance)
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("'12x' is not a number");
    }

    @Test
    void advance_timeGoesBackwards_saysTraceMustBeSorted() {
        TraceCsvReader r = reader("func_name,invoke_time_ms\na,5\nb,4.999\n");
        r.advance();
        assertThatThrownBy(r::advance)
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("trace must be sorted by invoke_time_ms");
    }

    @Test
    void advance_equalTimes_areAccepted() {
        assertThat(readAll(reader("func_name,invoke_time_ms\na,5\nb,5\n"))).hasSize(2);
    }

    @Test
    void constructor_missingColumn_namesTheColumnOnLine1() {
        assertThatThrownBy(() -> reader("func_name,time\na,1\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 1, field 'invoke_time_ms'")
                .hasMessageContaining("missing column");
    }

    @Test
    void constructor_emptyFile_requiresHeader() {
        assertThatThrownBy(() -> reader(""))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("header");
    }

    @Test
    void advance_rowWithTooFewFields_namesLineBothCountsAndTheMissingField() {
        TraceCsvReader r = reader("func_name,invoke_time_ms\na\n");
        assertThatThrownBy(r::advance)
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.csv, line 2, field 'invoke_time_ms': the row has 1 field but the header has 2 "
                        + "(func_name,invoke_time_ms): value is missing");
    }

    @Test
    void advance_rowWithMoreFieldsThanTheHeader_isRejectedWithLineAndBothCounts() {
        TraceCsvReader r = reader("func_name,invoke_time_ms\na,1\nb,2,\n");
        assertThat(r.advance()).isTrue();
        assertThatThrownBy(r::advance)
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.csv, line 3: the row has 3 fields but the header has 2 (func_name,invoke_time_ms)")
                .satisfies(e -> assertThat(((BadInputException) e).line()).isEqualTo(3));
    }

    @Test
    void advance_raggedRowInAnotherLayout_isRejectedToo() {
        // columns found by name and an optional slo_ms column: the same field count rule
        TraceCsvReader r = reader("invoke_time_ms,x,func_name,slo_ms\n5,q,a,\n6,q,b\n");
        assertThat(r.advance()).isTrue();
        assertThatThrownBy(r::advance)
                .isInstanceOf(BadInputException.class)
                .hasMessage("t.csv, line 3, field 'slo_ms': the row has 3 fields but the header has 4 "
                        + "(invoke_time_ms,x,func_name,slo_ms): value is missing");
    }

    @Test
    void advance_quotedFieldWithAComma_countsAsOneField() {
        TraceCsvReader r = reader("func_name,note,invoke_time_ms\na,\"x,y\",1\nb,,2\n");
        assertThat(readAll(r)).containsExactly(new long[] {1000, 0}, new long[] {2000, 1});
    }

    @Test
    void advance_linesAcrossManyBufferRefills_readsAllInOrder(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.csv");
        int n = 300_000;
        StringBuilder b = new StringBuilder("func_name,invoke_time_ms\n");
        for (int i = 0; i < n; i++)
            b.append(i % 2 == 0 ? "a" : "long-name-ü").append(',').append(i).append(".25\n");
        Files.writeString(file, b);
        try (TraceCsvReader r = TraceCsvReader.open(file, IDS)) {
            long count = 0;
            while (r.advance()) {
                assertThat(r.timeUs()).isEqualTo(count * 1000 + 250);
                assertThat(r.function()).isEqualTo(count % 2 == 0 ? 0 : 2);
                count++;
            }
            assertThat(count).isEqualTo(n);
        }
    }

    @Test
    void advance_lineLongerThanBuffer_growsBuffer() {
        String pad = "x".repeat(3 << 20);
        List<long[]> rows = readAll(reader("func_name,invoke_time_ms,pad\na,1," + pad + "\nb,2,y\n"));
        assertThat(rows).hasSize(2);
    }

    @Test
    void advance_slowStream_handlesPartialReads() {
        byte[] data = "func_name,invoke_time_ms\na,1\nb,22.5\na,300\n".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 3));
            }
        };
        List<long[]> rows = readAll(new TraceCsvReader(trickle, "slow", IDS));
        assertThat(rows).extracting(x -> x[0]).containsExactly(1000L, 22_500L, 300_000L);
    }

    @Test
    void open_functionsList_usesTheirIds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "func_name,invoke_time_ms\ny,1\n");
        List<FunctionSpec> fns = List.of(FunctionSpec.gpu(0, "x", 1, 2, 3), FunctionSpec.gpu(1, "y", 1, 2, 3));
        try (TraceCsvReader r = TraceCsvReader.open(file, fns)) {
            assertThat(r.advance()).isTrue();
            assertThat(r.function()).isEqualTo(1);
            assertThat(r.advance()).isFalse();
        }
    }

    @Test
    void open_missingFile_isBadInput(@TempDir Path dir) {
        assertThatThrownBy(() -> TraceCsvReader.open(dir.resolve("nope.csv"), IDS))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nope.csv");
    }

    @Test
    void advance_roundingCarriesIntoTheNextMillisecond() {
        List<long[]> rows = readAll(reader("func_name,invoke_time_ms\na,1.9995\na,2.99949\n"));
        assertThat(rows).extracting(x -> x[0]).containsExactly(2000L, 2999L);
    }

    @Test
    void advance_usualLayoutWithExtraColumnsAndCrlf_readsNameAndTime() {
        List<long[]> rows = readAll(reader("func_name,invoke_time_ms,extra,more\r\na,1,x,y\r\nb,2.5,,\r\na,3,,\r\n"));
        assertThat(rows).extracting(x -> x[0]).containsExactly(1000L, 2500L, 3000L);
        assertThat(rows).extracting(x -> x[1]).containsExactly(0L, 1L, 0L);
    }

    @Test
    void advance_otherLayoutErrors_stillNameTheLine() {
        TraceCsvReader r = reader("invoke_time_ms,func_name\n5,a\n4,b\n");
        r.advance();
        assertThatThrownBy(r::advance).hasMessageContaining("line 3").hasMessageContaining("sorted");
        TraceCsvReader u = reader("invoke_time_ms,func_name\n5,a\n\n6,q\n");
        u.advance();
        assertThatThrownBy(u::advance).hasMessageContaining("line 4").hasMessageContaining("unknown function 'q'");
    }

    @Test
    void line_afterBlankLines_isTheRowsLineInTheFile() {
        TraceCsvReader r = reader("func_name,invoke_time_ms\n\n  \na,1\n");
        assertThat(r.advance()).isTrue();
        assertThat(r.line()).isEqualTo(4);
        assertThat(r.count()).isEqualTo(1);
    }

    @Test
    void advance_quotedNameWithCommaAndDoubledQuote_findsTheFunction() {
        Map<String, Integer> ids = Map.of("g,2", 0, "say \"hi\"", 1);
        TraceCsvReader r = new TraceCsvReader(
                new ByteArrayInputStream("func_name,invoke_time_ms\n\"g,2\",10\n\"say \"\"hi\"\"\",20\n"
                        .getBytes(StandardCharsets.UTF_8)),
                "t.csv",
                ids);
        assertThat(readAll(r)).containsExactly(new long[] {10_000, 0}, new long[] {20_000, 1});
    }

    @Test
    void advance_unclosedQuote_namesLineAndField() {
        assertThatThrownBy(() -> readAll(reader("func_name,invoke_time_ms\n\"a,10\n")))
                .hasMessageContaining("line 2")
                .hasMessageContaining("func_name");
    }

    @Test
    void advance_optionalSloColumn_givesPerInvocationObjectives() {
        TraceCsvReader r = reader("func_name,invoke_time_ms,slo_ms\na,10,250\nb,20,\na,30,1.5\nb,40, \n");
        List<Long> slos = new ArrayList<>();
        while (r.advance()) slos.add(r.sloUs());
        assertThat(slos).containsExactly(250_000L, -1L, 1_500L, -1L);
    }

    @Test
    void advance_badSloCell_namesLineAndField() {
        assertThatThrownBy(() -> readAll(reader("func_name,invoke_time_ms,slo_ms\na,10,soon\n")))
                .hasMessageContaining("line 2")
                .hasMessageContaining("slo_ms");
    }
}
