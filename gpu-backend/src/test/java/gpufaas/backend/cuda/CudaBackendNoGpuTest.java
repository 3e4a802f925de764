package gpufaas.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The backend's fallbacks where CUDA is unavailable (the normal test machine). */
class CudaBackendNoGpuTest {
    @Test
    void createSaysWhyCudaIsUnavailable() {
        CudaProbeResult p = CudaProbe.probe();
        assumeFalse(p.available(), "a CUDA device is present: the no-GPU fallback cannot be seen here");
        assertThatThrownBy(CudaBackend::create)
                .isInstanceOf(CudaUnavailableException.class)
                .hasMessage(p.reason());
        assertThatThrownBy(CudaBackend::availableConfig).isInstanceOf(CudaUnavailableException.class);
        assertThat(CudaBackend.unavailableReason()).isEqualTo(p.reason());
    }

    @Test
    void configNeedsDevices() {
        assertThatThrownBy(() -> new CudaBackend.Config(List.of(), 20, null, null))
                .hasMessageContaining("no CUDA device");
    }
}
