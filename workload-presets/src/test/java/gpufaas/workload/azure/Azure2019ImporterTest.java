package gpufaas.workload.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.ArrivalSource;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.catalog.BenchmarkCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny hand-written day-1 files: durations in milliseconds, memory in MB, counts per minute. */
class Azure2019ImporterTest {
    private static final List<FunctionSpec> CATALOG = BenchmarkCatalog.get().functions();

    @TempDir
    Path dir;

    /** A row of the invocations file: counts for minutes 1.. (column names "1".."1440"). */
    private static String row(String owner, String app, String fn, String trigger, Map<Integer, Integer> counts) {
        StringBuilder b = new StringBuilder(owner + "," + app + "," + fn + "," + trigger);
        for (int m = 1; m <= 1440; m++) b.append(',').append(counts.getOrDefault(m, 0));
        return b.append('\n').toString();
    }

    @BeforeEach
    void writeFiles() throws IOException {
        StringBuilder inv = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
        for (int m = 1; m <= 1440; m++) inv.append(',').append(m);
        inv.append('\n')
                .append(row("o1", "a1", "f1aaaaaaaaaa", "http", Map.of(1, 3, 2, 1)))
                .append(row("o1", "a1", "f2bbbbbbbbbb", "timer", Map.of(1, 1)))
                .append(row("o2", "a2", "f3cccccccccc", "queue", Map.of(2, 2)))
                .append(row("o2", "a2", "f4dddddddddd", "http", Map.of()));
        Files.writeString(dir.resolve("invocations_per_function_md.anon.d01.csv"), inv);
        Files.writeString(
                dir.resolve("function_durations_percentiles.anon.d01.csv"),
                "HashOwner,HashApp,HashFunction,Average,Count,Minimum,Maximum,percentile_Average_0,percentile_Average_100\n"
                        + "o1,a1,f1aaaaaaaaaa,1000,10,900,1100,900,1100\n"
                        + "o1,a1,f2bbbbbbbbbb,30,5,20,40,20,40\n"
                        + "o2,a2,f4dddddddddd,5000,1,5000,5000,5000,5000\n");
        Files.writeString(
                dir.resolve("app_memory_percentiles.anon.d01.csv"),
                "HashOwner,HashApp,SampleCount,AverageAllocatedMb,AverageAllocatedMb_pct1\no1,a1,12,170,150\n");
    }

    private Azure2019Options options(
            int functions, Selection sel, int start, int minutes, Spreading s, long seed, boolean mem) {
        return new Azure2019Options(dir, 1, functions, sel, start, minutes, s, seed, mem);
    }

    private static List<long[]> drain(ArrivalSource a) {
        List<long[]> out = new ArrayList<>();
        while (a.advance()) out.add(new long[] {a.timeUs(), a.function()});
        return out;
    }

    @Test
    void load_durationsInMillis_mapToBenchmarkWithLargestWarmNotAbove() {
        AzureImport imp = Azure2019Importer.load(options(24, Selection.TOP, 0, 2, Spreading.EVENLY, 1, false), CATALOG);
        assertThat(imp.functions()).hasSize(2);
        ImportedFunction f1 = imp.functions().get(0);
        assertThat(f1.traceId()).isEqualTo("o1/a1/f1aaaaaaaaaa");
        assertThat(f1.avgDurationMs()).isEqualTo(1000);
        assertThat(f1.benchmark()).isEqualTo("fft"); // 897 ms <= 1000 ms < 1168 ms; as seconds it would be ffmpeg
        assertThat(f1.invocations()).isEqualTo(4);
        assertThat(f1.spec().name()).isEqualTo("fft-f1aaaaaa");
        assertThat(f1.spec().gpuWarmMs()).isEqualTo(897);
        ImportedFunction f2 = imp.functions().get(1);
        assertThat(f2.benchmark()).isEqualTo("isoneural"); // 26 ms <= 30 ms < 268 ms
        assertThat(imp.workload().functions()).extracting(FunctionSpec::id).containsExactly(0, 1);
        assertThat(imp.summary()).contains("1 invoked functions had no duration data");
    }

    @Test
    void load_appMemoryInMb_reportedAndUsedOnlyWhenAsked() {
        AzureImport plain =
                Azure2019Importer.load(options(24, Selection.TOP, 0, 2, Spreading.EVENLY, 1, false), CATALOG);
        assertThat(plain.functions().get(0).appMemoryMb()).isEqualTo(170);
        assertThat(plain.functions().get(0).spec().gpuMemMb()).isEqualTo(1536);
        AzureImport traced =
                Azure2019Importer.load(options(24, Selection.TOP, 0, 2, Spreading.EVENLY, 1, true), CATALOG);
        assertThat(traced.functions().get(0).spec().gpuMemMb()).isEqualTo(170);
    }

    @Test
    void arrivals_evenly_placeKInvocationsAtHalfStepsInTheirMinute() {
        AzureImport imp = Azure2019Importer.load(options(24, Selection.TOP, 0, 2, Spreading.EVENLY, 1, false), CATALOG);
        List<long[]> a = drain(imp.workload().arrivals().get());
        assertThat(a)
                .extracting(x -> x[0])
                .containsExactly(10_000_000L, 30_000_000L, 30_000_000L, 50_000_000L, 90_000_000L);
        assertThat(a).extracting(x -> x[1]).containsExactly(0L, 0L, 1L, 0L, 0L);
    }

    @Test
    void arrivals_startOfMinute_allAtTheMinuteBoundary() {
        AzureImport imp =
                Azure2019Importer.load(options(24, Selection.TOP, 0, 2, Spreading.START_OF_MINUTE, 1, false), CATALOG);
        assertThat(drain(imp.workload().arrivals().get()))
                .extracting(x -> x[0])
                .containsExactly(0L, 0L, 0L, 0L, 60_000_000L);
    }

    @Test
    void arrivals_uniformRandom_keepPerMinuteCountsAndReplayIdentically() {
        AzureImport imp =
                Azure2019Importer.load(options(24, Selection.TOP, 0, 2, Spreading.UNIFORM_RANDOM, 9, false), CATALOG);
        List<long[]> a = drain(imp.workload().arrivals().get());
        List<long[]> again = drain(imp.workload().arrivals().get());
        assertThat(a).hasSize(5);
        assertThat(a.stream().filter(x -> x[0] < 60_000_000L).count()).isEqualTo(4);
        assertThat(a.stream()
                        .filter(x -> x[0] >= 60_000_000L && x[0] < 120_000_000L)
                        .count())
                .isEqualTo(1);
        for (int i = 0; i < a.size(); i++) assertThat(a.get(i)).containsExactly(again.get(i));
        for (int i = 1; i < a.size(); i++) assertThat(a.get(i)[0]).isGreaterThanOrEqualTo(a.get(i - 1)[0]);
    }

    @Test
    void load_window_usesOnlyItsMinutesAndStartsAtZero() {
        AzureImport imp = Azure2019Importer.load(options(24, Selection.TOP, 1, 1, Spreading.EVENLY, 1, false), CATALOG);
        assertThat(imp.functions()).extracting(ImportedFunction::traceId).containsExactly("o1/a1/f1aaaaaaaaaa");
        assertThat(drain(imp.workload().arrivals().get())).extracting(x -> x[0]).containsExactly(30_000_000L);
    }

    @Test
    void load_topN_keepsMostInvoked() {
        AzureImport imp = Azure2019Importer.load(options(1, Selection.TOP, 0, 10, Spreading.EVENLY, 1, false), CATALOG);
        assertThat(imp.functions()).extracting(ImportedFunction::traceId).containsExactly("o1/a1/f1aaaaaaaaaa");
    }

    @Test
    void load_randomSample_isSeededAndReachesEveryEligibleFunction() {
        Set<String> picked = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            AzureImport a =
                    Azure2019Importer.load(options(1, Selection.RANDOM, 0, 10, Spreading.EVENLY, seed, false), CATALOG);
            AzureImport b =
                    Azure2019Importer.load(options(1, Selection.RANDOM, 0, 10, Spreading.EVENLY, seed, false), CATALOG);
            assertThat(a.functions().get(0).traceId())
                    .isEqualTo(b.functions().get(0).traceId());
            picked.add(a.functions().get(0).traceId());
        }
        assertThat(picked).containsExactlyInAnyOrder("o1/a1/f1aaaaaaaaaa", "o1/a1/f2bbbbbbbbbb");
    }

    @Test
    void load_memoryFileAbsent_memoryIsNaN() throws IOException {
        Files.delete(dir.resolve("app_memory_percentiles.anon.d01.csv"));
        AzureImport imp = Azure2019Importer.load(options(24, Selection.TOP, 0, 2, Spreading.EVENLY, 1, true), CATALOG);
        assertThat(imp.functions().get(0).appMemoryMb()).isNaN();
        assertThat(imp.functions().get(0).spec().gpuMemMb()).isEqualTo(1536);
        assertThat(imp.inputs()).hasSize(2);
    }

    @Test
    void load_badCount_namesFileLineAndMinuteColumn() throws IOException {
        Path inv = dir.resolve("invocations_per_function_md.anon.d01.csv");
        Files.writeString(
                inv, Files.readString(inv).replace("o1,a1,f2bbbbbbbbbb,timer,1,", "o1,a1,f2bbbbbbbbbb,timer,x,"));
        assertThatThrownBy(() ->
                        Azure2019Importer.load(options(24, Selection.TOP, 0, 2, Spreading.EVENLY, 1, false), CATALOG))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    BadInputException b = (BadInputException) e;
                    assertThat(b.source()).endsWith("invocations_per_function_md.anon.d01.csv");
                    assertThat(b.line()).isEqualTo(3);
                    assertThat(b.field()).isEqualTo("1");
                });
    }

    @Test
    void load_missingDurationsFile_isBadInput() throws IOException {
        Files.delete(dir.resolve("function_durations_percentiles.anon.d01.csv"));
        assertThatThrownBy(() ->
                        Azure2019Importer.load(options(24, Selection.TOP, 0, 2, Spreading.EVENLY, 1, false), CATALOG))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("function_durations_percentiles");
    }

    @Test
    void options_windowPastEndOfDay_isRejected() {
        assertThatThrownBy(() -> options(1, Selection.TOP, 1430, 20, Spreading.EVENLY, 1, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("minutes");
    }
}
