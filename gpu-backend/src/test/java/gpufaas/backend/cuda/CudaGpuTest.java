package gpufaas.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gpufaas.engine.model.FunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * On a real GPU (tag {@code gpu}: excluded from the normal run; {@code mvn -pl gpu-backend test
 * -DexcludedTestTags=none -Dgroups=gpu} runs it). Skipped with the probe's reason where there is none.
 */
@Tag("gpu")
class CudaGpuTest {
    static CudaProbeResult probe;

    @BeforeAll
    static void needsAGpu() {
        probe = CudaProbe.probe();
        assumeTrue(probe.available(), "no CUDA device, GPU tests skipped: " + probe.reason());
    }

    private static GpuWorker.Done await(CompletableFuture<GpuWorker.Done> f) throws Exception {
        return f.get(60, TimeUnit.SECONDS);
    }

    @Test
    void everyKernelKindRunsNearItsWarmTimeAndMemoryMovesBothWays() throws Exception {
        CudaDevice d = probe.devices().get(0);
        try (GpuWorker w = new GpuWorker(d, 20, System.out::println)) {
            String[] names = {"lud", "fft", "myocyte", "srad"};
            KernelKind[] kinds = {KernelKind.MATMUL, KernelKind.TRIAD, KernelKind.SPIN, KernelKind.STENCIL};
            for (int i = 0; i < names.length; i++) {
                FunctionSpec f = FunctionSpec.gpu(i, names[i], 200, 300, 256);
                KernelKind kind = KernelMapping.kindFor(f.name());
                assertThat(kind).isEqualTo(kinds[i]);
                long id = i;
                CompletableFuture<GpuWorker.Done> created = new CompletableFuture<>();
                w.submit(() -> w.createAllocation(
                        id, KernelMapping.allocationBytes(kind, KernelMapping.footprintBytes(f)), created::complete));
                GpuWorker.Done c = await(created);
                assertThat(c.ok()).as(String.valueOf(c.error())).isTrue();
                for (boolean toDevice : new boolean[] {false, true}) {
                    CompletableFuture<GpuWorker.Done> moved = new CompletableFuture<>();
                    w.submit(() -> w.move(id, toDevice, moved::complete));
                    GpuWorker.Done m = await(moved);
                    assertThat(m.ok()).as(String.valueOf(m.error())).isTrue();
                    assertThat(m.ms()).isPositive();
                }
                double ms = 0;
                for (int run = 0; run < 3; run++) {
                    CompletableFuture<KernelPlan> planned = new CompletableFuture<>();
                    CompletableFuture<GpuWorker.Done> ran = new CompletableFuture<>();
                    w.submit(() -> {
                        KernelPlan p = w.sizing().plan(f);
                        planned.complete(p);
                        w.execute(id, f.name(), 0, 2, p, ran::complete);
                    });
                    GpuWorker.Done e = await(ran);
                    assertThat(e.ok()).as(String.valueOf(e.error())).isTrue();
                    ms = e.ms();
                }
                System.out.println(names[i] + " (" + kind.label() + "): " + ms + " ms for a 200 ms warm time");
                assertThat(ms).as(kind.label()).isBetween(100.0, 400.0);
                w.submit(() -> w.free(id));
            }
        }
    }

    @Test
    void dMaxStreamsRunConcurrently() throws Exception {
        CudaDevice d = probe.devices().get(0);
        try (GpuWorker w = new GpuWorker(d, 20, s -> {})) {
            FunctionSpec f = FunctionSpec.gpu(0, "myocyte", 300, 400, 64); // the spin: concurrent copies do not contend
            int dMax = 4;
            for (int c = 0; c < dMax; c++) {
                long id = c;
                CompletableFuture<GpuWorker.Done> created = new CompletableFuture<>();
                w.submit(() -> w.createAllocation(
                        id,
                        KernelMapping.allocationBytes(KernelKind.SPIN, KernelMapping.footprintBytes(f)),
                        created::complete));
                assertThat(await(created).ok()).isTrue();
            }
            List<CompletableFuture<GpuWorker.Done>> runs = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int c = 0; c < dMax; c++) {
                long id = c;
                CompletableFuture<GpuWorker.Done> ran = new CompletableFuture<>();
                runs.add(ran);
                w.submit(() -> w.execute(id, f.name(), 0, dMax, w.sizing().plan(f), ran::complete));
            }
            for (CompletableFuture<GpuWorker.Done> r : runs)
                assertThat(await(r).ok()).isTrue();
            double wallMs = (System.nanoTime() - t0) / 1e6;
            // four 300 ms kernels on four streams: together well under the 1200 ms they would take one after another
            assertThat(wallMs).isLessThan(900);
        }
    }

    @Test
    void calibrationMeasuresSensibleNumbers() {
        CudaDevice d = probe.devices().get(0);
        Calibration c = Calibrator.run(d, probe.driverVersion(), new Calibrator.Options(30, 20), System.out::println);
        assertThat(c.h2dGBps()).isBetween(0.5, 2000.0);
        assertThat(c.d2hGBps()).isBetween(0.5, 2000.0);
        assertThat(c.slowdown()).hasSize(Calibrator.MAX_K);
        assertThat(c.slowdown()[0]).isEqualTo(1.0);
        var p = CalibrationProfile.toProfile(c, null, "t", Double.NaN);
        assertThat(p.memoryMb()).isPositive();
        System.out.println(CalibrationProfile.sources(c, null, Double.NaN));
    }
}
