package gpufaas.engine.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.BadInputException;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.GpuSetup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {
    static final ParamSpec D = ParamSpec.ofInt("D", 2, 1, 64, "d", "concurrent_running_funcs");

    @Test
    void resolve_aliasAndCaseInsensitiveKey_setsTheDeclaredParameter() {
        Params p = Params.resolve(List.of(D), Map.of("CONCURRENT_RUNNING_FUNCS", "3"), "--param");
        assertThat(p.getInt("D")).isEqualTo(3);
    }

    @Test
    void resolve_outOfRange_namesKeyAndRange() {
        assertThatThrownBy(() -> Params.resolve(List.of(D), Map.of("D", "0"), "--param"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--param, field 'D': 0 is out of range [1, 64]");
    }

    @Test
    void resolve_unknownKey_listsTheKnownOnes() {
        assertThatThrownBy(() -> Params.resolve(List.of(D), Map.of("Q", "1"), "--param"))
                .hasMessageContaining("field 'Q'")
                .hasMessageContaining("known parameters: D");
    }

    @Test
    void ttl_parsesSecondsMillisecondsIatMultiplesAndIluvatarNegatives() {
        assertThat(Ttl.parse("2s")).isEqualTo(new Ttl(false, 2));
        assertThat(Ttl.parse("500ms")).isEqualTo(new Ttl(false, 0.5));
        assertThat(Ttl.parse("1.5xIAT")).isEqualTo(new Ttl(true, 1.5));
        assertThat(Ttl.parse("-2")).isEqualTo(new Ttl(true, 2));
        assertThat(new Ttl(true, 1.5).micros(400_000)).isEqualTo(600_000);
        assertThat(new Ttl(true, 1.5).micros(Double.NaN)).isZero();
        assertThat(new Ttl(false, 0.25).micros(1)).isEqualTo(250_000);
    }

    @Test
    void engineConfig_routesEachKeyToItsOwner() {
        var hw = new GpuSetup(null, 0, null, false, 1);
        EngineConfig c = EngineConfig.resolve(
                "mqfq-sticky",
                null,
                "speedup",
                Map.of("allowed_overrun", "7", "D", "3", "speedup_threshold", "2", "ttl_sec", "-1.5"),
                hw,
                1,
                "--param");
        assertThat(c.policyParams().getDouble("T")).isEqualTo(7);
        assertThat(c.policyParams().getTtl("ttl")).isEqualTo(new Ttl(true, 1.5));
        assertThat(c.dMax()).isEqualTo(3);
        assertThat(c.placementParams().getDouble("speedup_threshold")).isEqualTo(2);
    }

    @Test
    void engineConfig_unknownPolicyOrKey_isBadInput() {
        var hw = new GpuSetup(null, 0, null, false, 1);
        assertThatThrownBy(() -> EngineConfig.resolve("nope", null, null, Map.of(), hw, 1, "--policy"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown policy 'nope'");
        assertThatThrownBy(() -> EngineConfig.resolve("fcfs", null, null, Map.of("T", "5"), hw, 1, "--param"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("field 'T'");
    }
}
