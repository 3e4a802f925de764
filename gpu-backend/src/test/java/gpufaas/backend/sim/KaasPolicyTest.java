package gpufaas.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.GpuSetup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kernel-as-a-Service pools by hand: tenants A, B, C (100 ms each; worker start 1000 ms, i.e. cold
 * 1100; 1000 MB of data, 100 ms over the 10 GB/s link; kernel load 50 ms), one GPU.
 */
class KaasPolicyTest {
    static FunctionSpec t(int id, String name) {
        return FunctionSpec.gpu(id, name, 100, 1100, 1000);
    }

    static final List<FunctionSpec> TENANTS = List.of(t(0, "A"), t(1, "B"), t(2, "C"));

    private static EngineConfig cfg(String policy, int gpus, Object... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("util", "0");
        params.put("cold_floor_ms", "0");
        for (int i = 0; i < kv.length; i += 2) params.put(kv[i].toString(), kv[i + 1].toString());
        return EngineConfig.resolve(
                policy, null, null, params, new GpuSetup(Recorder.ref(16000), gpus, null, false, 0), 1, "test");
    }

    @Test
    void exclusive_moreTenantsThanGpus_everyRequestStartsAWorker() {
        // one worker: each freed worker goes to a tenant that has none (killing the old owner's worker)
        Workload w = Recorder.workload(TENANTS, 0, 0, 0, 1, 0, 2, 0, 0);
        assertThat(Recorder.run(cfg("kaas-exclusive", 1), w, new Recorder()))
                .containsExactly(
                        "A#0 0->1000->1100 cold d0 completed", "B#1 1100->2100->2200 cold d0 completed",
                        "C#2 2200->3200->3300 cold d0 completed", "A#3 3300->4300->4400 cold d0 completed");
    }

    @Test
    void exclusive_ownerKeepsItsWorkerWhenNobodyElseWaits() {
        Workload w = Recorder.workload(TENANTS, 0, 0, 0, 0);
        assertThat(Recorder.run(cfg("kaas-exclusive", 1), w, new Recorder()))
                .containsExactly("A#0 0->1000->1100 cold d0 completed", "A#1 1100->1100->1200 warm d0 completed");
    }

    @Test
    void affinity_movesTheWorker_loadingKernelsAndDataInsteadOfStartingAProcess() {
        // a move costs 50 ms kernel load + 100 ms data: 150 ms before the 100 ms of work
        Workload w = Recorder.workload(TENANTS, 0, 0, 0, 1, 0, 2);
        assertThat(Recorder.run(cfg("kaas-affinity", 1), w, new Recorder()))
                .containsExactly(
                        "A#0 0->150->250 gpu_cold d0 completed",
                        "B#1 250->400->500 gpu_cold d0 completed",
                        "C#2 500->650->750 gpu_cold d0 completed");
    }

    @Test
    void balance_sharedWorkerCachesEveryTenantsData() {
        // D=1 shared worker; each tenant's first request is a miss (150 ms: kernel load 50, data upload 100);
        // the pool keeps its data cache on the device until room is needed (prefetch-only), so A's second
        // request finds its data there: a hit
        Workload w = Recorder.workload(TENANTS, 0, 0, 0, 1, 0, 2, 0, 0);
        assertThat(Recorder.run(cfg("kaas-balance", 1, "D", 1), w, new Recorder()))
                .containsExactly(
                        "A#0 0->150->250 gpu_cold d0 completed", "B#1 250->400->500 gpu_cold d0 completed",
                        "C#2 500->650->750 gpu_cold d0 completed", "A#3 750->750->850 warm d0 completed");
    }

    @Test
    void static_bindsTenantsToGpusRoundRobin() {
        // two GPUs: A and C on GPU 0, B on GPU 1; D=1
        Workload w = Recorder.workload(TENANTS, 0, 0, 0, 1, 0, 2);
        assertThat(Recorder.run(cfg("kaas-static", 2, "D", 1), w, new Recorder()))
                .containsExactly(
                        "A#0 0->1000->1100 cold d0 completed",
                        "B#1 0->1000->1100 cold d1 completed",
                        "C#2 1100->2100->2200 cold d0 completed");
    }

    @Test
    void cfs_penalisesTenantsWhoseDataIsElsewhere() {
        // two GPUs, D=1. A0 -> d0 (vt A 0 -> 0.1), B1 -> d1 (vt B 0 -> 0.1). At 250 both free.
        // A2, B3 wait: on d0, A (data here) 0.1 vs B 0.1 + 10 x 0.1: A2 on d0, B3 on d1 (its data there).
        Workload w = Recorder.workload(TENANTS, 0, 0, 0, 1, 10, 0, 10, 1);
        assertThat(Recorder.run(cfg("kaas-cfs", 2, "D", 1, "memory", "prefetch-only"), w, new Recorder()))
                .containsExactly(
                        "A#0 0->150->250 gpu_cold d0 completed", "B#1 0->150->250 gpu_cold d1 completed",
                        "A#2 250->250->350 warm d0 completed", "B#3 250->250->350 warm d1 completed");
    }
}
