package gpufaas.workload.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionsCsvReaderTest {

    private static List<FunctionSpec> read(String text) {
        return FunctionsCsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f.csv");
    }

    private static BadInputException error(String text) {
        try {
            read(text);
        } catch (BadInputException e) {
            return e;
        }
        throw new AssertionError("no error for " + text);
    }

    @Test
    void read_iluvatarColumns_mapsToGpuTimesAndFootprint() {
        List<FunctionSpec> fns =
                read("func_name,cold_dur_ms,warm_dur_ms,mem_mb\nfft,2648,897,1536\nisoneural,2586,26,3072\n");
        assertThat(fns).hasSize(2);
        FunctionSpec fft = fns.get(0);
        assertThat(fft.id()).isEqualTo(0);
        assertThat(fft.name()).isEqualTo("fft");
        assertThat(fft.gpuColdMs()).isEqualTo(2648);
        assertThat(fft.gpuWarmMs()).isEqualTo(897);
        assertThat(fft.gpuMemMb()).isEqualTo(1536);
        assertThat(fft.hasCpu()).isFalse();
        assertThat(fft.weight()).isEqualTo(1.0);
        assertThat(fft.hasSlo()).isFalse();
        assertThat(fns.get(1).id()).isEqualTo(1);
    }

    @Test
    void read_optionalColumnsPresent_winOverBaseColumns() {
        List<FunctionSpec> fns = read(
                "func_name,cold_dur_ms,warm_dur_ms,mem_mb,gpu_warm_ms,gpu_cold_ms,gpu_mem_mb,cpu_warm_ms,"
                        + "cpu_cold_ms,weight,slo_ms\nf,100,10,1000,20,200,2000,50,500,2.5,300\ng,100,10,1000,,,,,,,\n");
        FunctionSpec f = fns.get(0);
        assertThat(f.gpuWarmMs()).isEqualTo(20);
        assertThat(f.gpuColdMs()).isEqualTo(200);
        assertThat(f.gpuMemMb()).isEqualTo(2000);
        assertThat(f.cpuWarmMs()).isEqualTo(50);
        assertThat(f.cpuColdMs()).isEqualTo(500);
        assertThat(f.weight()).isEqualTo(2.5);
        assertThat(f.sloMs()).isEqualTo(300);
        FunctionSpec g = fns.get(1);
        assertThat(g.gpuWarmMs()).isEqualTo(10);
        assertThat(g.gpuColdMs()).isEqualTo(100);
        assertThat(g.gpuMemMb()).isEqualTo(1000);
        assertThat(g.hasCpu()).isFalse();
        assertThat(g.weight()).isEqualTo(1.0);
    }

    @Test
    void read_onlyGpuColumns_acceptedWithoutBaseColumns() {
        FunctionSpec f =
                read("func_name,gpu_warm_ms,gpu_cold_ms,gpu_mem_mb\nf,1,2,3\n").get(0);
        assertThat(f.gpuWarmMs()).isEqualTo(1);
        assertThat(f.gpuColdMs()).isEqualTo(2);
        assertThat(f.gpuMemMb()).isEqualTo(3);
    }

    @Test
    void read_unknownColumnsAndQuotedFields_areIgnoredAndUnquoted() {
        List<FunctionSpec> fns = read("func_name,image_name,cold_dur_ms,warm_dur_ms,mem_mb,notes\n"
                + "\"a b\",docker.io/x:1,3,2,1,\"has, a comma\"\n");
        assertThat(fns.get(0).name()).isEqualTo("a b");
        assertThat(fns.get(0).gpuWarmMs()).isEqualTo(2);
    }

    @Test
    void read_duplicateName_namesLineAndFirstOccurrence() {
        BadInputException e = error("func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf,1,1,1\nf,2,2,2\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("func_name");
        assertThat(e.getMessage()).contains("duplicate").contains("line 2");
    }

    @Test
    void read_missingRequiredColumn_namesIt() {
        BadInputException e = error("func_name,cold_dur_ms,warm_dur_ms\nf,1,1\n");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("mem_mb");
        assertThat(e.source()).isEqualTo("f.csv");
    }

    @Test
    void read_badNumber_namesLineAndField() {
        BadInputException e = error("func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf,1,1,1\ng,1,fast,1\n");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.field()).isEqualTo("warm_dur_ms");
        assertThat(e.getMessage()).contains("'fast' is not a number");
    }

    @Test
    void read_negativeValue_isRejected() {
        BadInputException e = error("func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf,1,1,-5\n");
        assertThat(e.field()).isEqualTo("mem_mb");
        assertThat(e.getMessage()).contains("negative");
    }

    @Test
    void read_zeroWeight_isRejected() {
        BadInputException e = error("func_name,cold_dur_ms,warm_dur_ms,mem_mb,weight\nf,1,1,1,0\n");
        assertThat(e.field()).isEqualTo("weight");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void read_emptyValue_isMissing() {
        BadInputException e = error("func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf,,1,1\n");
        assertThat(e.field()).isEqualTo("cold_dur_ms");
        assertThat(e.getMessage()).contains("missing");
    }

    @Test
    void read_headerOnly_saysNoFunctions() {
        assertThat(error("func_name,cold_dur_ms,warm_dur_ms,mem_mb\n").getMessage())
                .contains("no functions");
    }

    @Test
    void write_thenRead_roundTripsEveryField() {
        List<FunctionSpec> fns = List.of(
                new FunctionSpec(0, "a", 12.5, 300, 1536, 40, 900, 2, 250, 0.4),
                new FunctionSpec(1, "b", 1, 2, 3, Double.NaN, Double.NaN, 1, Double.NaN),
                new FunctionSpec(2, "with,comma", 0.017, 3517, 3072, 45, Double.NaN, 0.5, Double.NaN));
        StringWriter out = new StringWriter();
        FunctionsCsvWriter.write(fns, out);
        assertThat(out.toString())
                .startsWith(FunctionsCsvWriter.HEADER + "\na,300,12.5,1536,40,900,2,250,0.4\nb,2,1,3,,,1,,\n");
        assertThat(read(out.toString())).isEqualTo(fns);
    }

    @Test
    void read_gpuActivity_isOptionalAndMustBeAShare() {
        List<FunctionSpec> fns =
                read("func_name,cold_dur_ms,warm_dur_ms,mem_mb,gpu_activity\nf,100,10,1000,0.25\ng,100,10,1000,\n");
        assertThat(fns.get(0).gpuActivity()).isEqualTo(0.25);
        assertThat(fns.get(1).hasGpuActivity()).isFalse();
        assertThatThrownBy(() -> read("func_name,cold_dur_ms,warm_dur_ms,mem_mb,gpu_activity\nf,100,10,1000,1.5\n"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("gpu_activity")
                .hasMessageContaining("(0, 1]");
    }

    @Test
    void read_rowWithAFieldFewerThanTheHeader_isRejectedNotReadAsMissingOptionalColumns() {
        // the last column is optional: before the check this row ran as "no SLO"
        BadInputException e =
                error("func_name,cold_dur_ms,warm_dur_ms,mem_mb,slo_ms\nf,100,10,1000,300\ng,100,10,1000\n");
        assertThat(e).hasMessage("f.csv, line 3: the row has 4 fields but the header has 5 (no value for slo_ms)");
        assertThat(e.line()).isEqualTo(3);
    }
}
