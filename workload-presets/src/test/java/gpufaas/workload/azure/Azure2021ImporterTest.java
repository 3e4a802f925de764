package gpufaas.workload.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.catalog.BenchmarkCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hand-written 2021 trace: end_timestamp and duration in seconds, rows not sorted by arrival. */
class Azure2021ImporterTest {
    private static final List<FunctionSpec> CATALOG = BenchmarkCatalog.get().functions();

    @TempDir
    Path dir;

    Path file;

    @BeforeEach
    void write() throws IOException {
        file = dir.resolve("AzureFunctionsInvocationTraceForTwoWeeksJan2021.txt");
        Files.writeString(
                file,
                "app,func,end_timestamp,duration\n"
                        + "appA,fX,10.5,0.5\n"
                        + "appA,fX,12.0,1.5\n"
                        + "appB,fY,11.0,0.03\n"
                        + "appA,fX,5.0,2.0\n");
    }

    private static List<long[]> drain(ArrivalSource a) {
        List<long[]> out = new ArrayList<>();
        while (a.advance()) out.add(new long[] {a.timeUs(), a.function()});
        return out;
    }

    @Test
    void load_secondsUnits_arrivalIsEndMinusDurationInMicros() {
        AzureImport imp = Azure2021Importer.load(new Azure2021Options(file, 10, Selection.TOP, 0, 600, 1), CATALOG);
        List<long[]> a = drain(imp.workload().arrivals().get());
        assertThat(a).extracting(x -> x[0]).containsExactly(3_000_000L, 10_000_000L, 10_500_000L, 10_970_000L);
        assertThat(a).extracting(x -> x[1]).containsExactly(0L, 0L, 0L, 1L);
    }

    @Test
    void load_meanDurationInSeconds_convertedToMillisForMapping() {
        AzureImport imp = Azure2021Importer.load(new Azure2021Options(file, 10, Selection.TOP, 0, 600, 1), CATALOG);
        ImportedFunction x = imp.functions().get(0);
        assertThat(x.traceId()).isEqualTo("appA/fX");
        assertThat(x.avgDurationMs()).isCloseTo(4000.0 / 3, within(1e-9));
        assertThat(x.benchmark()).isEqualTo("squeezenet"); // 1168 ms <= 1333 ms < 1472 ms
        assertThat(x.invocations()).isEqualTo(3);
        ImportedFunction y = imp.functions().get(1);
        assertThat(y.avgDurationMs()).isCloseTo(30, within(1e-9));
        assertThat(y.benchmark()).isEqualTo("isoneural");
        assertThat(y.appMemoryMb()).isNaN();
    }

    @Test
    void load_window_isRelativeToItsStart() {
        AzureImport imp = Azure2021Importer.load(new Azure2021Options(file, 10, Selection.TOP, 5, 10, 1), CATALOG);
        assertThat(drain(imp.workload().arrivals().get()))
                .extracting(x -> x[0])
                .containsExactly(5_000_000L, 5_500_000L, 5_970_000L);
        assertThat(imp.functions().get(0).invocations()).isEqualTo(2);
    }

    @Test
    void load_topOne_keepsOnlyMostInvoked() {
        AzureImport imp = Azure2021Importer.load(new Azure2021Options(file, 1, Selection.TOP, 0, 600, 1), CATALOG);
        assertThat(imp.workload().functions()).hasSize(1);
        assertThat(drain(imp.workload().arrivals().get())).hasSize(3);
    }

    @Test
    void load_negativeDuration_namesLineAndField() throws IOException {
        Files.writeString(file, "app,func,end_timestamp,duration\na,f,1,0.5\na,f,2,-1\n");
        assertThatThrownBy(() -> Azure2021Importer.load(Azure2021Options.of(file), CATALOG))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("'duration'");
    }

    @Test
    void load_missingColumn_isNamed() throws IOException {
        Files.writeString(file, "app,func,duration\na,f,1\n");
        assertThatThrownBy(() -> Azure2021Importer.load(Azure2021Options.of(file), CATALOG))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("end_timestamp");
    }

    @Test
    void load_rowWithAFieldFewer_namesLineAndBothCounts() throws IOException {
        Files.writeString(file, "app,func,end_timestamp,duration\na,f,1,0.5\na,f,2\n");
        assertThatThrownBy(() -> Azure2021Importer.load(Azure2021Options.of(file), CATALOG))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ", line 3: the row has 3 fields but the header has 4 (no value for duration)");
    }
}
