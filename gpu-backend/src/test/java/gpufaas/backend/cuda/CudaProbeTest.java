package gpufaas.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The probe's answers and fallbacks, without a GPU (a fake API for every branch, and the real one on this host). */
class CudaProbeTest {

    /** A scripted API: every call can answer or throw. */
    static class Fake implements ProbeApi {
        int rc;
        int count;
        RuntimeException countThrows;
        LinkageError countLinkage;
        boolean libcuda;
        LinkageError driverLinkage;
        int driverApiVersion = 11080;
        String smi;
        RuntimeException describeThrows;

        @Override
        public int runtimeDeviceCount(int[] c) {
            if (countLinkage != null) throw countLinkage;
            if (countThrows != null) throw countThrows;
            c[0] = count;
            return rc;
        }

        @Override
        public int driverVersion() {
            return 12040;
        }

        @Override
        public int runtimeVersion() {
            return 12000;
        }

        @Override
        public CudaDevice describe(int ordinal) {
            if (describeThrows != null && ordinal == 0) throw describeThrows;
            return new CudaDevice(
                    ordinal,
                    "NVIDIA H100 80GB HBM3",
                    "GPU-00000000-1111-2222-3333-44444444444" + ordinal,
                    80L << 30,
                    9,
                    0,
                    132,
                    true,
                    "0000:1b:00.0",
                    MigInfo.notExposed("not read yet"));
        }

        @Override
        public int driverApiVersion() {
            if (driverLinkage != null) throw driverLinkage;
            return driverApiVersion;
        }

        @Override
        public String errorName(int code) {
            return "cudaErrorX (" + code + ")";
        }

        @Override
        public boolean libcudaPresent() {
            return libcuda;
        }

        @Override
        public Optional<String> nvidiaSmiList() {
            return Optional.ofNullable(smi);
        }
    }

    @Test
    void realProbeNeverThrowsAndGivesAReasonWhenUnavailable() {
        assertThatCode(CudaProbe::probe).doesNotThrowAnyException();
        CudaProbeResult r = CudaProbe.probe();
        assertThat(CudaProbe.probe()).isSameAs(r);
        if (r.available()) {
            assertThat(r.devices()).isNotEmpty();
        } else {
            assertThat(r.reason()).isNotBlank().doesNotContain("\n");
            assertThat(r.devices()).isEmpty();
            assertThat(r.summary()).startsWith("CUDA unavailable: ");
            assertThat(CudaBackend.unavailableReason()).isEqualTo(r.reason());
        }
    }

    @Test
    void noDriver() {
        Fake f = new Fake();
        f.rc = 35;
        CudaProbeResult r = CudaProbe.probe(f);
        assertThat(r.available()).isFalse();
        assertThat(r.reason()).isEqualTo("no NVIDIA driver (libcuda.so.1 not found)");
        assertThat(r.runtimeVersion()).isEqualTo(12000);
    }

    @Test
    void driverTooOldIsToldApartFromNoDriver() {
        Fake f = new Fake();
        f.rc = 35;
        f.libcuda = true;
        assertThat(CudaProbe.probe(f).reason())
                .isEqualTo(
                        "NVIDIA driver too old: it supports CUDA 11.8, JCuda 12.0 needs a CUDA 12 driver (R525) or newer");
        f.driverLinkage = new UnsatisfiedLinkError("libcuda.so.1: wrong ELF class");
        assertThat(CudaProbe.probe(f).reason())
                .startsWith("the NVIDIA driver library libcuda.so.1 is present but cannot be loaded: ")
                .contains("wrong ELF class");
    }

    @Test
    void nativesThatDoNotLoadAreCaught() {
        Fake f = new Fake();
        f.countLinkage = new UnsatisfiedLinkError("no JCudaRuntime-12.6.0-linux-aarch64");
        CudaProbeResult r = CudaProbe.probe(f);
        assertThat(r.available()).isFalse();
        assertThat(r.reason())
                .startsWith("JCuda's native libraries cannot be loaded on this host")
                .contains("linux-x86_64 natives");
        f.countLinkage = new NoClassDefFoundError("jcuda/runtime/JCuda");
        assertThat(CudaProbe.probe(f).reason()).contains("jcuda/runtime/JCuda");
    }

    @Test
    void noDeviceOtherErrorsAndSurprises() {
        Fake f = new Fake();
        f.rc = 100;
        assertThat(CudaProbe.probe(f).reason()).startsWith("the NVIDIA driver (CUDA 12.4) sees no CUDA device");
        f.rc = 999;
        assertThat(CudaProbe.probe(f).reason()).isEqualTo("cudaGetDeviceCount failed: cudaErrorX (999)");
        f.rc = 0;
        f.count = 0;
        assertThat(CudaProbe.probe(f).reason()).isEqualTo("no CUDA device");
        f.countThrows = new IllegalStateException("boom\nsecond line");
        assertThat(CudaProbe.probe(f).reason()).isEqualTo("CUDA probe failed unexpectedly: boom second line");
    }

    @Test
    void devicesWithMigReadFromNvidiaSmi() {
        Fake f = new Fake();
        f.count = 2;
        f.describeThrows = new IllegalStateException("cudaGetDeviceProperties(0): bad");
        f.smi = "GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-00000000-1111-2222-3333-444444444441)\n"
                + "  MIG 1g.10gb     Device  0: (UUID: MIG-aaaa)\n  MIG 3g.40gb     Device  1: (UUID: MIG-bbbb)\n";
        CudaProbeResult r = CudaProbe.probe(f);
        assertThat(r.available()).isTrue();
        assertThat(r.devices()).hasSize(1);
        CudaDevice d = r.devices().get(0);
        assertThat(d.ordinal()).isEqualTo(1);
        assertThat(d.mig().state()).isEqualTo(MigInfo.State.ENABLED);
        assertThat(d.mig().instances()).containsExactly("1g.10gb (device 0)", "3g.40gb (device 1)");
        assertThat(d.describe())
                .contains("cuda:1  NVIDIA H100 80GB HBM3, 81920 MB, compute capability 9.0, 132 SMs")
                .contains("MIG enabled, 2 instance(s)");
        assertThat(r.summary()).isEqualTo("1 CUDA device(s), driver CUDA 12.4, JCuda runtime 12.0");
        f.describeThrows = new IllegalStateException("bad");
        f.count = 1;
        assertThat(CudaProbe.probe(f).reason()).isEqualTo("no CUDA device could be read: device 0: bad");
    }
}
