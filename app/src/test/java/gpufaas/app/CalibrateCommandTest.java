package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gpufaas.backend.cuda.Calibration;
import gpufaas.backend.cuda.CudaDevice;
import gpufaas.backend.cuda.CudaProbe;
import gpufaas.backend.cuda.CudaProbeResult;
import gpufaas.backend.cuda.KernelKind;
import gpufaas.backend.cuda.KernelRates;
import gpufaas.backend.cuda.MigInfo;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.workload.device.DeviceProfiles;
import gpufaas.workload.device.ProfileDocument;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
    @TempDir
    Path tmp;

    static Calibration synthetic() {
        CudaDevice d = new CudaDevice(
                0, "NVIDIA A30", "GPU-x", 24L << 30, 8, 0, 56, true, "0000:01:00.0", MigInfo.notExposed("test"));
        Map<KernelKind, double[]> curves = new EnumMap<>(KernelKind.class);
        for (KernelKind k : KernelKind.values()) curves.put(k, new double[] {1, 1.7, 2.6, 3.5, 4.4, 5.3});
        KernelRates rates = new KernelRates(Map.of(
                KernelKind.MATMUL, 0.08, KernelKind.TRIAD, 9e-7, KernelKind.SPIN, 0.001, KernelKind.STENCIL, 4e-7));
        return new Calibration(d, 12040, rates, 22.1, 19.4, 1L << 30, 417.25, curves, Calibration.combine(curves), 100);
    }

    @Test
    void withoutAGpuItExits2WithOneLineSayingWhy() {
        CudaProbeResult p = CudaProbe.probe();
        assumeFalse(p.available(), "a CUDA device is present here");
        Path out = tmp.resolve("p.json");
        Cli r = Cli.run("calibrate", "--backend", "cuda", "--out", out.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: CUDA is unavailable: " + p.reason() + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
        Cli d = Cli.run("devices");
        assertThat(d.status()).isZero();
        assertThat(d.out()).contains("CUDA devices: none (" + p.reason() + ")");
        assertThat(GuiServices.cudaOption().available()).isFalse();
        assertThat(GuiServices.cudaOption().reason()).isEqualTo("CUDA unavailable: " + p.reason());
    }

    @Test
    void otherBackendsAndBadOptionsExit2() {
        Path out = tmp.resolve("p.json");
        Cli r = Cli.run("calibrate", "--backend", "docker", "--out", out.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo(
                        "error: --backend: calibrate measures a real GPU through the CUDA backend only: use --backend cuda"
                                + " (got 'docker')" + System.lineSeparator());
        assertThat(Cli.run("calibrate", "--backend", "sim", "--out", out.toString())
                        .status())
                .isEqualTo(2);
        Cli missing =
                Cli.run("calibrate", "--out", tmp.resolve("no/such/p.json").toString());
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: --out: no such folder");
        assertThat(Cli.run("calibrate", "--out", out.toString(), "--speed", "-1")
                        .err())
                .startsWith("error: --speed: must be > 0");
        assertThat(Cli.run("calibrate", "--out", out.toString(), "--base", "k80")
                        .err())
                .contains("unknown device profile 'k80'");
        assertThat(Cli.run("calibrate", "--help").out()).contains("--device=N").contains("--out=PROFILE.json");
    }

    @Test
    void measurementsRoundTripThroughTheProfileFormatAndTheSimulatorLoadsThem() throws Exception {
        Path out = tmp.resolve("a30-measured.json");
        DeviceProfile base = DeviceProfiles.load("a30");
        ProfileDocument doc = CalibrateCommand.write(synthetic(), base, "a30-measured", Double.NaN, out);
        DeviceProfile p = doc.profile();
        assertThat(p.name()).isEqualTo("a30-measured");
        assertThat(p.memoryMb()).isEqualTo(24576);
        assertThat(p.sms()).isEqualTo(56);
        assertThat(p.linkGBps()).isEqualTo(20.662);
        assertThat(p.contextMemMb()).isEqualTo(417.3);
        assertThat(p.slowdownCurve()).containsExactly(1, 1.7, 2.6, 3.5, 4.4, 5.3);
        assertThat(p.speed()).isEqualTo(base.speed());
        assertThat(p.mpsSlowdownCurve()).isEqualTo(base.mpsSlowdownCurve());
        assertThat(p.migProfiles()).isEqualTo(base.migProfiles());
        assertThat(doc.sources()).contains("host to device 22.10 GB/s").contains("from built-in profile a30");
        // byte-identical when written again from what was read
        String json = Files.readString(out);
        assertThat(DeviceProfiles.toJson(p, doc.sources())).isEqualTo(json);
        StringWriter sw = new StringWriter();
        CalibrateCommand.summary(new PrintWriter(sw, true), synthetic(), p, base, false);
        assertThat(sw.toString()).contains("link_gbps 20.662").contains("speed 0.825 (not measured: from profile a30)");
        // the simulator runs on it
        Path[] in = Cli.tinyInputs(tmp);
        Cli run = Cli.run(
                "run",
                "--trace",
                in[0].toString(),
                "--functions",
                in[1].toString(),
                "--gpu",
                out.toString(),
                "--out",
                tmp.resolve("run").toString());
        assertThat(run.status()).as(run.err()).isZero();
    }

    @Test
    @Tag("gpu")
    void calibrateWritesALoadableProfileOnARealGpu() {
        CudaProbeResult p = CudaProbe.probe();
        assumeTrue(p.available(), "no CUDA device, GPU test skipped: " + p.reason());
        Path out = tmp.resolve("measured.json");
        Cli r = Cli.run("calibrate", "--backend", "cuda", "--out", out.toString(), "--kernel-ms", "30");
        System.out.println(r.out());
        assertThat(r.status()).as(r.err()).isZero();
        DeviceProfile loaded = DeviceProfiles.load(out.toString());
        assertThat(loaded.slowdownCurve()).hasSize(6);
        assertThat(loaded.memoryMb()).isPositive();
    }
}
