package gpufaas.engine.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.StartType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The execution model's charges and estimates, by hand. */
class ExecutionModelTest {
    // 16 GB, prefetch 5 GB/s, demand paging 2.5 GB/s, speed 1, sharing 1 / 1.7 / 2.85
    static final DeviceProfile P = DeviceProfile.builder("t")
            .memoryMb(16000)
            .sms(80)
            .linkGBps(5)
            .faultGBps(2.5)
            .speed(1)
            .contextMemMb(300)
            .slowdown(1, 1.7, 2.85)
            .mpsSlowdown(1, 1.12, 1.3)
            .mpsSmSensitivity(0.5)
            .uvmOversubscribedFactor(1.4)
            .utilSampleMs(200)
            .migProfiles(List.of(new MigProfile("q", 1, 4, 4000, 4)))
            .cpuPricePerSecond(0.0)
            .build();
    static final Device GPU = new Device(0, "t-0", DeviceKind.GPU, P, 0, 16000, 1, false, 100, 2, 95, 16);
    static final Device QUARTER = new Device(1, "t-0/q-0", DeviceKind.GPU, P, 0, 4000, 0.25, false, 100, 2, 95, 16);
    static final FunctionSpec F = FunctionSpec.builder(0, "f")
            .gpu(400, 2400)
            .memMb(1000)
            .cpu(900, 1500)
            .gpuActivity(0.5)
            .build();
    static final FunctionSpec G =
            FunctionSpec.builder(1, "g").gpu(400, 600).memMb(1000).build();

    final ExecutionModel prefetching = new ExecutionModel(1500, 50, 0.7, MemoryMode.PREFETCH_SWAP);
    final ExecutionModel paging = new ExecutionModel(1500, 50, 0.7, MemoryMode.UVM);

    @Test
    void containerStart_isColdMinusWarm_atLeastTheFloor() {
        assertThat(prefetching.containerStartUs(GPU, F, false)).isEqualTo(2_000_000);
        assertThat(prefetching.containerStartUs(GPU, G, false)).isEqualTo(1_500_000); // 200 ms < floor
        assertThat(prefetching.containerStartUs(GPU, F, true)).isEqualTo(250_000); // 50 ms load + 1000 MB / 5 GB/s
    }

    @Test
    void moves_prefetchAtTheLinkRate_demandPagingAtTheFaultRate() {
        assertThat(prefetching.transferUs(GPU, 1000)).isEqualTo(200_000);
        assertThat(paging.faultUs(GPU, 1000)).isEqualTo(400_000);
        assertThat(prefetching.startCostMs(GPU, F, StartType.GPU_COLD, false, false))
                .isEqualTo(200);
        assertThat(paging.startCostMs(GPU, F, StartType.GPU_COLD, false, false)).isEqualTo(400);
        assertThat(paging.startCostMs(GPU, F, StartType.WARM, false, false)).isZero();
        assertThat(paging.startCostMs(GPU, F, StartType.COLD, false, true)).isEqualTo(2000);
    }

    @Test
    void work_scalesWithSpeedShareAndOversubscription() {
        assertThat(prefetching.workUs(GPU, F, false)).isEqualTo(400_000);
        assertThat(prefetching.workUs(QUARTER, F, false)).isEqualTo(1_600_000);
        assertThat(prefetching.workUs(GPU, F, true)).isCloseTo(560_000, within(1e-6));
        assertThat(prefetching.serviceMs(QUARTER, F)).isEqualTo(1600);
    }

    @Test
    void kernelBusy_isTheActivitiesOverTheSharingFactor_atMostOne() {
        assertThat(prefetching.kernelActivity(GPU, F)).isEqualTo(0.5);
        assertThat(prefetching.kernelActivity(GPU, G)).isEqualTo(0.7); // the default
        assertThat(ExecutionModel.kernelBusy(GPU, new double[] {0.5}, 1, 0)).isEqualTo(0.5);
        assertThat(ExecutionModel.kernelBusy(GPU, new double[] {0.5, 0.7}, 2, 0))
                .isCloseTo(1.2 / 1.7, within(1e-12));
        assertThat(ExecutionModel.kernelBusy(GPU, new double[] {0.9, 0.9, 0.9}, 3, 0))
                .isEqualTo(0.947368421052631, within(1e-12));
        assertThat(ExecutionModel.kernelBusy(GPU, new double[] {0.1}, 1, 1)).isEqualTo(1); // one waits on faults
        assertThat(ExecutionModel.factor(GPU, 3)).isEqualTo(2.85);
    }
}
