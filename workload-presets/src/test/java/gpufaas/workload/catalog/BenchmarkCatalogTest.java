package gpufaas.workload.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.model.FunctionSpec;
import org.junit.jupiter.api.Test;

class BenchmarkCatalogTest {
    private final BenchmarkCatalog catalog = BenchmarkCatalog.get();

    @Test
    void functions_areTheFourteenOfTheEvaluationWithDenseIds() {
        assertThat(catalog.names())
                .containsExactly(
                        "imagenet",
                        "roberta",
                        "ffmpeg",
                        "fft",
                        "isoneural",
                        "lud",
                        "myocyte",
                        "needle",
                        "pathfinder",
                        "squeezenet",
                        "rnn",
                        "eos",
                        "lavamd",
                        "srad");
        for (int i = 0; i < 14; i++) assertThat(catalog.functions().get(i).id()).isEqualTo(i);
    }

    @Test
    void function_publishedTimes_convertedFromSecondsToMillis() {
        FunctionSpec imagenet = catalog.function("imagenet");
        assertThat(imagenet.gpuWarmMs()).isEqualTo(2253);
        assertThat(imagenet.cpuWarmMs()).isEqualTo(5477);
        assertThat(imagenet.gpuColdMs()).isEqualTo(8581);
        assertThat(catalog.function("roberta").gpuColdMs()).isEqualTo(16374);
        assertThat(catalog.function("needle").cpuWarmMs()).isEqualTo(144639);
        assertThat(catalog.function("eos").gpuWarmMs()).isEqualTo(17);
    }

    @Test
    void function_footprints_fftPublishedOthersDefault() {
        assertThat(catalog.function("fft").gpuMemMb()).isEqualTo(1536);
        for (FunctionSpec f : catalog.functions()) {
            if (!f.name().equals("fft")) assertThat(f.gpuMemMb()).as(f.name()).isEqualTo(FunctionSpec.DEFAULT_MEM_MB);
        }
    }

    @Test
    void function_coldTimesMissingFromThePaper_areTheDissertationDraftsAttachTable() {
        double[] cold = {5809, 4284, 2408, 1947, 2213};
        String[] names = {"squeezenet", "rnn", "eos", "lavamd", "srad"};
        for (int i = 0; i < names.length; i++) {
            assertThat(catalog.function(names[i]).gpuColdMs()).as(names[i]).isEqualTo(cold[i]);
            assertThat(catalog.notes(names[i])).contains("attach table");
        }
    }

    @Test
    void function_coldBelowWarm_keptAsPublished() {
        assertThat(catalog.function("myocyte").gpuColdMs()).isEqualTo(2145);
        assertThat(catalog.function("myocyte").gpuWarmMs()).isEqualTo(2784);
        assertThat(catalog.function("lud").gpuColdMs()).isEqualTo(2125);
    }

    @Test
    void function_cpuColdUnpublished_fallsBackToWarm() {
        FunctionSpec f = catalog.function("rnn");
        assertThat(f.hasCpu()).isTrue();
        assertThat(f.cpuColdOrWarmMs()).isEqualTo(48);
        assertThat(catalog.functionClass("rnn")).isEqualTo("ML");
    }

    @Test
    void function_unknownName_isBadInputListingNames() {
        assertThatThrownBy(() -> catalog.function("bert"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("bert")
                .hasMessageContaining("imagenet");
    }
}
