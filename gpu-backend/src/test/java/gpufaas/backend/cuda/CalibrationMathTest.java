package gpufaas.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.device.DeviceProfile;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Calibration to profile with synthetic measurements (no GPU). */
class CalibrationMathTest {
    static Calibration synthetic(double contextMb) {
        CudaDevice d = new CudaDevice(
                0,
                "NVIDIA H100 PCIe",
                "GPU-x",
                80L * 1024 * 1024 * 1024 + 5 * 1024 * 1024,
                9,
                0,
                114,
                true,
                "0000:01:00.0",
                MigInfo.notExposed("test"));
        Map<KernelKind, double[]> curves = new EnumMap<>(KernelKind.class);
        curves.put(KernelKind.MATMUL, new double[] {1, 2, 3, 4, 5, 6});
        curves.put(KernelKind.TRIAD, new double[] {1, 1.9, 2.9, 3.9, 4.8, 5.9});
        curves.put(KernelKind.SPIN, new double[] {1, 1, 1, 1, 1, 1});
        curves.put(KernelKind.STENCIL, new double[] {1, 2, 3, 3.9, 5, 6});
        return new Calibration(
                d,
                12040,
                KernelMappingTest.rates(),
                24.0,
                20.0,
                1L << 30,
                contextMb,
                curves,
                Calibration.combine(curves),
                100);
    }

    @Test
    void combineIsTheGeometricMeanMadeMonotone() {
        Map<KernelKind, double[]> c = new EnumMap<>(KernelKind.class);
        c.put(KernelKind.MATMUL, new double[] {1, 4, 3});
        c.put(KernelKind.SPIN, new double[] {1.1, 1, 0.9});
        double[] out = Calibration.combine(c);
        assertThat(out[0]).isEqualTo(1);
        assertThat(out[1]).isCloseTo(2, within(1e-9));
        assertThat(out[2]).isCloseTo(Math.max(2, Math.sqrt(2.7)), within(1e-9));
    }

    @Test
    void profileFromMeasurementsWithAndWithoutABase() {
        Calibration c = synthetic(512.4);
        assertThat(c.linkGBps()).isCloseTo(2 / (1 / 24.0 + 1 / 20.0), within(1e-12));
        DeviceProfile base = CalibrationProfile.genericBase(80_000);
        DeviceProfile p = CalibrationProfile.toProfile(c, null, "calibrated-h100-pcie", Double.NaN);
        assertThat(p.memoryMb()).isEqualTo(81925);
        assertThat(p.sms()).isEqualTo(114);
        assertThat(p.linkGBps()).isEqualTo(21.818);
        assertThat(p.contextMemMb()).isEqualTo(512.4);
        assertThat(p.speed()).isEqualTo(1.0);
        assertThat(p.slowdownCurve()).hasSize(6).startsWith(1.0);
        for (int i = 1; i < 6; i++) assertThat(p.slowdownCurve()[i]).isGreaterThanOrEqualTo(p.slowdownCurve()[i - 1]);
        assertThat(p.mpsSlowdownCurve()).isEqualTo(base.mpsSlowdownCurve());
        assertThat(p.description())
                .contains("NVIDIA H100 PCIe")
                .contains("driver CUDA 12.4")
                .contains("generic defaults");
        DeviceProfile p2 = CalibrationProfile.toProfile(synthetic(Double.NaN), base, "x", 2.5);
        assertThat(p2.speed()).isEqualTo(2.5);
        assertThat(p2.contextMemMb()).isEqualTo(base.contextMemMb());
        String src = CalibrationProfile.sources(c, null, Double.NaN);
        assertThat(src)
                .contains("matmul 0.05000 ms per matrix products")
                .contains("host to device 24.00 GB/s")
                .contains("spin 1.00/1.00/1.00/1.00/1.00/1.00;")
                .contains("Not measured: speed (from the model's generic defaults");
    }

    @Test
    void builtInMatchAndNames() {
        assertThat(CalibrationProfile.matchBuiltIn("NVIDIA H100 80GB HBM3", 81559))
                .contains("h100");
        assertThat(CalibrationProfile.matchBuiltIn("NVIDIA A100-SXM4-80GB", 81920))
                .contains("a100-80gb");
        assertThat(CalibrationProfile.matchBuiltIn("NVIDIA A100-PCIE-40GB", 40536))
                .contains("a100-40gb");
        assertThat(CalibrationProfile.matchBuiltIn("NVIDIA A30", 24000)).contains("a30");
        assertThat(CalibrationProfile.matchBuiltIn("Tesla V100-SXM2-16GB", 16000))
                .contains("v100");
        assertThat(CalibrationProfile.matchBuiltIn("NVIDIA H200", 143000)).isEmpty();
        assertThat(CalibrationProfile.defaultName("NVIDIA H100 80GB HBM3"))
                .isEqualTo("calibrated-nvidia-h100-80gb-hbm3");
        assertThat(CalibrationProfile.defaultName("!!")).isEqualTo("calibrated-gpu");
    }
}
