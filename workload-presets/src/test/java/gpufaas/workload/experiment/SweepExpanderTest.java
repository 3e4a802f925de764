package gpufaas.workload.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import gpufaas.engine.model.BadInputException;
import gpufaas.workload.json.JsonMappers;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepExpanderTest {

    private static JsonNode json(String text) throws Exception {
        return JsonMappers.strict().readTree(text);
    }

    private static final String SWEEP = """
            {"name": "s", "duration_s": 30,
             "workload": {"functions": [
                 {"name": "a", "base": "eos", "arrival": {"process": "empirical", "iat_ms": [100, 200]}},
                 {"name": "b", "base": "fft", "arrival": {"process": "poisson", "rate_per_s": 0.5}}]},
             "devices": {"gpu": ["a30", "h100"]},
             "policy": ["fcfs", "mqfq-sticky"],
             "params": {"D": [1, 2], "T": 5}}
            """;

    @Test
    void expand_listValuedKeys_giveCartesianProductInDocumentOrder() throws Exception {
        List<SweepPoint> points = SweepExpander.expand(json(SWEEP));
        assertThat(points)
                .extracting(SweepPoint::label)
                .containsExactly(
                        "devices.gpu=a30,policy=fcfs,params.D=1",
                        "devices.gpu=a30,policy=fcfs,params.D=2",
                        "devices.gpu=a30,policy=mqfq-sticky,params.D=1",
                        "devices.gpu=a30,policy=mqfq-sticky,params.D=2",
                        "devices.gpu=h100,policy=fcfs,params.D=1",
                        "devices.gpu=h100,policy=fcfs,params.D=2",
                        "devices.gpu=h100,policy=mqfq-sticky,params.D=1",
                        "devices.gpu=h100,policy=mqfq-sticky,params.D=2");
        JsonNode p = points.get(5).experiment();
        assertThat(p.get("devices").get("gpu").asText()).isEqualTo("h100");
        assertThat(p.get("policy").asText()).isEqualTo("fcfs");
        assertThat(p.get("params").get("D").asInt()).isEqualTo(2);
        assertThat(p.get("params").get("T").asInt()).isEqualTo(5);
    }

    @Test
    void expand_functionsListAndIatLists_areNotAxes() throws Exception {
        List<SweepExpander.Axis> axes = SweepExpander.axes(json(SWEEP));
        assertThat(axes).extracting(SweepExpander.Axis::path).containsExactly("devices.gpu", "policy", "params.D");
        JsonNode p = SweepExpander.expand(json(SWEEP)).get(0).experiment();
        assertThat(p.get("workload").get("functions").get(0).get("arrival").get("iat_ms"))
                .hasSize(2);
    }

    @Test
    void expand_points_arePlainExperimentsThatLoad() throws Exception {
        for (SweepPoint p : SweepExpander.expand(json(SWEEP))) {
            Experiment e = ExperimentLoader.load(p.experiment(), null, "sweep point " + p.label());
            assertThat(e.spec().policy()).isIn("fcfs", "mqfq-sticky");
            assertThat(e.spec().params().get("D")).isIn("1", "2");
            String text = JsonMappers.strict().writeValueAsString(p.experiment());
            assertThat(ExperimentLoader.load(json(text), null, "again").spec()).isEqualTo(e.spec());
        }
    }

    @Test
    void expand_noLists_givesOnePointWithEmptyLabel() throws Exception {
        List<SweepPoint> points = SweepExpander.expand(json("{\"policy\": \"fcfs\", \"params\": {\"D\": 2}}"));
        assertThat(points).hasSize(1);
        assertThat(points.get(0).label()).isEmpty();
    }

    @Test
    void expand_doesNotChangeItsInput() throws Exception {
        JsonNode in = json(SWEEP);
        JsonNode copy = in.deepCopy();
        SweepExpander.expand(in);
        assertThat(in).isEqualTo(copy);
    }

    @Test
    void expand_emptyList_isBadInputNamingTheAxis() {
        assertThatThrownBy(() -> SweepExpander.expand(json("{\"params\": {\"T\": []}}")))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> assertThat(((BadInputException) e).field()).isEqualTo("params.T"));
    }

    @Test
    void expand_keysWithDots_areSetAtTheRightPlace() throws Exception {
        List<SweepPoint> points = SweepExpander.expand(json("{\"params\": {\"a.b\": [1, 2]}}"));
        assertThat(points.get(1).experiment().get("params").get("a.b").asInt()).isEqualTo(2);
    }
}
