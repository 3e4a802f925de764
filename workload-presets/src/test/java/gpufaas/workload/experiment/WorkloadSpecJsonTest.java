package gpufaas.workload.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gpufaas.engine.model.BadInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The workload kinds are told apart by their keys: today's files keep their shape both ways. */
class WorkloadSpecJsonTest {
    private static final String ONE_OF =
            "give exactly one of: functions, functions_csv with trace_csv, azure2019, azure2021, azure_like";

    private static String experiment(String workload) {
        return "{\n  \"name\" : \"x\",\n  \"workload\" : " + workload + "\n}";
    }

    private static WorkloadSpec read(String workload) {
        return ExperimentJson.read(experiment(workload), "e.json").workload();
    }

    /** The workload block as ExperimentJson writes it back. */
    private static String written(WorkloadSpec w) {
        JsonNode tree =
                ExperimentJson.toTree(new ExperimentSpec("x", "", 1L, null, w, null, null, null, null, null, null));
        return tree.get("workload").toString();
    }

    @Test
    void eachKind_isDeducedFromItsKeys_andWrittenBackWithTheSameKeys() {
        String generated =
                "{\"functions\":[{\"name\":\"a\",\"base\":\"fft\",\"arrival\":{\"process\":\"poisson\",\"rate_per_s\":1.0}}]}";
        String trace = "{\"functions_csv\":\"f.csv\",\"trace_csv\":\"t.csv\"}";
        String az19 = "{\"azure2019\":{\"dir\":\"d\",\"day\":2,\"functions\":24,\"select\":\"top\",\"start_minute\":0,"
                + "\"minutes\":10,\"spreading\":\"uniform_random\",\"use_trace_memory\":false}}";
        String az21 = "{\"azure2021\":{\"file\":\"f.txt\",\"functions\":5,\"select\":\"top\",\"start_s\":0.0}}";
        String like = "{\"azure_like\":{\"functions\":24,\"offered_load\":0.5,\"sigma\":2.0,\"popular_short\":true}}";
        assertThat(read(generated)).isInstanceOf(WorkloadSpec.Generated.class);
        assertThat(read(trace)).isEqualTo(new WorkloadSpec.Trace("f.csv", "t.csv"));
        assertThat(read(az19))
                .isInstanceOfSatisfying(
                        WorkloadSpec.Azure2019.class,
                        a -> assertThat(a.azure2019().day()).isEqualTo(2));
        assertThat(read(az21))
                .isInstanceOfSatisfying(
                        WorkloadSpec.Azure2021.class,
                        a -> assertThat(a.azure2021().functions()).isEqualTo(5));
        assertThat(read(like)).isInstanceOf(WorkloadSpec.AzureLike.class);
        for (String w : new String[] {generated, trace, az19, az21, like})
            assertThat(written(read(w))).isEqualTo(w);
    }

    @Test
    void generatedFromSeed_onlyForFunctionsAndAzureLike() {
        assertThat(read("{\"functions_csv\": \"f.csv\", \"trace_csv\": \"t.csv\"}")
                        .generatedFromSeed())
                .isFalse();
        assertThat(read("{\"azure_like\": {\"offered_load\": 0.5}}").generatedFromSeed())
                .isTrue();
    }

    @Test
    void keysOfTwoKinds_orNone_nameTheChoicesAtTheWorkloadsLine() {
        for (String w : new String[] {
            "{}",
            "{\"azure2019\": {\"dir\": \"d\"}, \"azure2021\": {\"file\": \"f\"}}",
            "{\"functions_csv\": \"f.csv\", \"azure_like\": {\"offered_load\": 1}}"
        }) {
            assertThatThrownBy(() -> read(w)).isInstanceOfSatisfying(BadInputException.class, e -> {
                assertThat(e.field()).isEqualTo("workload");
                assertThat(e.line()).isEqualTo(3);
                assertThat(e.getMessage()).endsWith(ONE_OF);
            });
        }
    }

    @Test
    void keysOfTwoKinds_inASweepPoint_nameTheChoicesToo() {
        byte[] json = experiment("{\"trace_csv\": \"t.csv\", \"azure2021\": {\"file\": \"f\"}}")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ExperimentJson.fromTree(ExperimentJson.readTree(json, "p"), "p"))
                .isInstanceOfSatisfying(BadInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("workload");
                    assertThat(e.getMessage()).isEqualTo("p, field 'workload': " + ONE_OF);
                });
    }

    @Test
    void aKindMissingItsPartner_namesTheMissingKey() {
        assertThatThrownBy(() -> read("{\"trace_csv\": \"t.csv\"}"))
                .isInstanceOfSatisfying(
                        BadInputException.class, e -> assertThat(e.field()).isEqualTo("workload.functions_csv"));
    }

    @Test
    void notAnObject_isNamed() {
        assertThatThrownBy(() -> read("\"trace.csv\""))
                .hasMessage("e.json, line 3, field 'workload': expected an object");
        assertThatThrownBy(() -> read("[]")).hasMessageContaining("found a list");
    }
}
