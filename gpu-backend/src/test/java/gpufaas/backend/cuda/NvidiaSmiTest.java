package gpufaas.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class NvidiaSmiTest {
    static final String LISTING = """
            GPU 0: NVIDIA A100-SXM4-40GB (UUID: GPU-5d5ba0d6-0000-1111-2222-333333333333)
              MIG 3g.20gb     Device  0: (UUID: MIG-11111111-2222-3333-4444-555555555555)
              MIG 2g.10gb     Device  1: (UUID: MIG-66666666-2222-3333-4444-555555555555)
            GPU 1: NVIDIA A100-SXM4-40GB (UUID: GPU-aaaaaaaa-0000-1111-2222-333333333333)
            """;

    @Test
    void parsesGpusAndTheirInstances() {
        var gpus = NvidiaSmi.parse(LISTING);
        assertThat(gpus).hasSize(2);
        assertThat(gpus.get(0).uuid()).isEqualTo("gpu-5d5ba0d6-0000-1111-2222-333333333333");
        assertThat(gpus.get(0).migInstances()).containsExactly("3g.20gb (device 0)", "2g.10gb (device 1)");
        assertThat(gpus.get(1).migInstances()).isEmpty();
    }

    @Test
    void migInfoByUuidByNameOrNotExposed() {
        assertThat(NvidiaSmi.migInfo("A100", "GPU-5D5BA0D6-0000-1111-2222-333333333333", Optional.of(LISTING))
                        .state())
                .isEqualTo(MigInfo.State.ENABLED);
        assertThat(NvidiaSmi.migInfo("A100", "GPU-aaaaaaaa-0000-1111-2222-333333333333", Optional.of(LISTING))
                        .state())
                .isEqualTo(MigInfo.State.NONE_LISTED);
        assertThat(NvidiaSmi.migInfo("A100", "GPU-ffff", Optional.of(LISTING)).describe())
                .contains("does not list");
        assertThat(NvidiaSmi.migInfo("A100", "", Optional.empty()).describe())
                .isEqualTo(
                        "MIG: not exposed (JCuda has no NVML binding and nvidia-smi is not available to list instances)");
        MigInfo own = NvidiaSmi.migInfo("NVIDIA A100-SXM4-40GB MIG 1g.5gb", "", Optional.empty());
        assertThat(own.instances()).containsExactly("1g.5gb (this CUDA device)");
    }

    @Test
    void uuidFormatting() {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) b[i] = (byte) (0xa0 + i);
        assertThat(JCudaProbeApi.uuid(b)).isEqualTo("GPU-a0a1a2a3-a4a5-a6a7-a8a9-aaabacadaeaf");
        assertThat(JCudaProbeApi.uuid(new byte[16])).isEmpty();
        assertThat(JCudaProbeApi.uuid(null)).isEmpty();
    }
}
