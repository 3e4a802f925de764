package gpufaas.engine.run;

import gpufaas.engine.param.ParamSpec;
import java.util.List;

/** Device-level knobs that apply under every policy, set with --param like policy knobs. */
public final class EngineParams {
    public static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofInt(
                    "D",
                    2,
                    1,
                    64,
                    "D_max: invocations running at once on one device (GPU or MIG instance)",
                    "concurrent_running_funcs",
                    "d_max",
                    "dmax"),
            ParamSpec.ofDouble(
                    "util",
                    95,
                    0,
                    100,
                    "utilization gate U in percent: a dispatch needs the device's "
                            + "estimated utilization at most U (0 turns the gate off)",
                    "limit_on_utilization",
                    "U"),
            ParamSpec.ofInt(
                    "pool",
                    16,
                    1,
                    100_000,
                    "warm pool: most containers kept per device (LRU eviction of idle ones)",
                    "funcs_per_device"),
            ParamSpec.ofChoice(
                    "memory",
                    "auto",
                    List.of("auto", "prefetch+swap", "prefetch-only", "uvm", "none"),
                    "GPU memory management: auto (the policy's own: prefetch+swap for the MQFQ family, uvm for the "
                            + "baselines and SLO policies, prefetch-only for the KaaS pools), prefetch+swap (the paper's), "
                            + "prefetch-only, uvm (demand paging, LRU eviction by the driver), none (plain allocations)",
                    "memory_mode"),
            ParamSpec.ofDouble(
                    "gpu_activity",
                    0.7,
                    0.01,
                    1,
                    "simulated: share of a GPU execution during which its "
                            + "kernels run (what NVML's utilization and the gate see), for functions that do not declare "
                            + "their own gpu_activity",
                    "kernel_activity"),
            ParamSpec.ofDouble(
                    "ewma",
                    0.1,
                    0.0001,
                    1,
                    "weight of a new sample in the EWMA of a function's execution time",
                    "ewma_weight"),
            ParamSpec.ofDouble(
                    "mps_pct",
                    0,
                    0,
                    100,
                    "MPS active thread percentage per client; 0 means 100/D",
                    "mps_thread_pct",
                    "CUDA_MPS_ACTIVE_THREAD_PERCENTAGE"),
            ParamSpec.ofDouble(
                    "mps_fail",
                    0,
                    0,
                    1,
                    "simulated: probability that an MPS client crashes during an "
                            + "invocation, failing every co-running client on that GPU",
                    "mps_failure_rate"),
            ParamSpec.ofDouble(
                    "cold_floor_ms",
                    1500,
                    0,
                    1e7,
                    "simulated: least container start time of a GPU cold "
                            + "start (the paper: attaching a GPU adds about 1.5 s); a cold start takes max(cold - warm, this) "
                            + "before the code runs",
                    "gpu_attach_ms"),
            ParamSpec.ofDouble(
                    "kernel_load_ms",
                    50,
                    0,
                    1e7,
                    "simulated Kernel-as-a-Service: time a shared worker takes to "
                            + "load a tenant's kernels on a cache miss (before its data upload)"),
            ParamSpec.ofDouble("interval", 1, 0.001, 86_400, "time-series interval in seconds", "timeseries_interval"));

    private EngineParams() {}
}
