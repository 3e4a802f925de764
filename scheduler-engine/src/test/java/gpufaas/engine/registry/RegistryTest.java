package gpufaas.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.admission.AdmissionRegistry;
import gpufaas.engine.model.BadInputException;
import gpufaas.engine.param.ParamSpec;
import gpufaas.engine.placement.PlacementRegistry;
import gpufaas.engine.policy.Characteristic;
import gpufaas.engine.policy.PolicyRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {
    private static final ParamSpec K = ParamSpec.ofInt("k", 1, 0, 9, "a knob", "kay");
    private static final Registry<String> TWO = new Registry<>(
            "widget",
            "widget",
            List.of(
                    new Entry<>("alpha", List.of("A1"), "first", List.of(), "made alpha"),
                    new Entry<>("beta", List.of(), "second", List.of(K), "made beta")));

    @Test
    void find_byNameOrAlias_inAnyCase() {
        assertThat(TWO.find("ALPHA", "t").factory()).isEqualTo("made alpha");
        assertThat(TWO.find("a1", "t").name()).isEqualTo("alpha");
        assertThat(TWO.find("Beta", "t").name()).isEqualTo("beta");
    }

    @Test
    void find_unknown_namesTheFieldAndListsTheNames() {
        assertThatThrownBy(() -> TWO.find("gamma", "--widget"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--widget, field 'widget': unknown widget 'gamma'; known: alpha, beta");
    }

    @Test
    void constructor_aNameAnsweringToTwoEntries_isRefused() {
        assertThatThrownBy(() -> new Registry<>(
                        "widget",
                        "widget",
                        List.of(
                                new Entry<>("alpha", List.of(), "first", List.of(), 1),
                                new Entry<>("beta", List.of("ALPHA"), "second", List.of(), 2))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'alpha' names both alpha and beta");
    }

    @Test
    void param_findsADeclarationByNameOrAlias_inAnyEntry() {
        assertThat(TWO.param("KAY")).isSameAs(K);
        assertThat(TWO.param("nope")).isNull();
    }

    @Test
    void builtInRegistries_keepTheirNamesAndMessages() {
        assertThat(PolicyRegistry.registry().names())
                .startsWith("mqfq-sticky", "mqfq", "mqfq-longest", "mqfq-prev")
                .contains(
                        "fcfs",
                        "fcfs-naive",
                        "batch",
                        "sized-batch",
                        "paella-sjf",
                        "sjf",
                        "eedf",
                        "edf",
                        "lsf",
                        "edf-warm",
                        "cost-aware",
                        "kaas-balance",
                        "kaas-exclusive",
                        "kaas-affinity",
                        "kaas-static",
                        "kaas-cfs")
                .doesNotHaveDuplicates();
        assertThat(PolicyRegistry.find("mqfq_sticky", "t").name()).isEqualTo("mqfq-prev");
        assertThatThrownBy(() -> AdmissionRegistry.find("x", "f.json"))
                .hasMessageStartingWith(
                        "f.json, field 'admission': unknown admission control 'x'; known: admit-all, feasible");
        assertThatThrownBy(() -> PlacementRegistry.find("x", "f.json"))
                .hasMessageStartingWith("f.json, field 'placement': unknown placement 'x'; known: gpu-only, cpu-only");
    }

    @Test
    void policyEntries_declareTheirCharacteristics() {
        assertThat(PolicyRegistry.find("fcfs", "t").factory().characteristics()).isEmpty();
        assertThat(PolicyRegistry.find("fcfs-naive", "t").factory().characteristics())
                .containsExactly(Characteristic.NO_WARM_POOL);
        assertThat(PolicyRegistry.find("kaas-exclusive", "t").factory().characteristics())
                .containsExactlyInAnyOrder(Characteristic.ONE_WORKER_PER_DEVICE, Characteristic.PINS_DEVICES);
        assertThat(PolicyRegistry.find("kaas-affinity", "t").factory().characteristics())
                .containsExactlyInAnyOrder(
                        Characteristic.SHARED_WORKERS,
                        Characteristic.ONE_WORKER_PER_DEVICE,
                        Characteristic.PINS_DEVICES);
    }
}
