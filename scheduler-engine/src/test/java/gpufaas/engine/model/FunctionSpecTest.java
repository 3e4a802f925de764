package gpufaas.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FunctionSpecTest {

    @Test
    void builder_setsEachValueByName_andDefaultsTheRest() {
        FunctionSpec f = FunctionSpec.builder(3, "f")
                .gpu(400, 2400)
                .memMb(1000)
                .cpu(900, 1500)
                .weight(2)
                .sloMs(700)
                .gpuActivity(0.5)
                .build();
        assertThat(f).isEqualTo(new FunctionSpec(3, "f", 400, 2400, 1000, 900, 1500, 2, 700, 0.5));
        FunctionSpec g = FunctionSpec.builder(0, "g").gpu(10, 20).build();
        assertThat(g.gpuMemMb()).isEqualTo(FunctionSpec.DEFAULT_MEM_MB);
        assertThat(g.weight()).isEqualTo(1.0);
        assertThat(g.hasCpu()).isFalse();
        assertThat(g.hasSlo()).isFalse();
        assertThat(g.hasGpuActivity()).isFalse();
    }

    @Test
    void builder_withoutGpuTimings_isRefused() {
        assertThatThrownBy(() -> FunctionSpec.builder(0, "f").build()).hasMessageContaining("gpu_warm_ms");
    }
}
