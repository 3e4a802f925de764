package gpufaas.engine.device;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.StartType;

/**
 * What it costs to start, move and run an invocation on a device (docs/model.md, "Execution
 * model"). The simulated backend charges exactly these costs, and every estimator asks the same
 * methods: the engine's start estimates (SJF, EEDF, Paella), SLO ordering and admission, placement
 * and the GUI's explanations. Times are microseconds unless a name says otherwise.
 *
 * <ul>
 *   <li>Container start (a cold start, before the code runs): max(cold − warm, {@code cold_floor_ms});
 *       a shared Kernel-as-a-Service worker loads the tenant's kernels and uploads its data instead.</li>
 *   <li>Moves: an explicit prefetch or swap-out of a footprint takes footprint ÷ {@code link_gbps} on
 *       the GPU's host link; demand paging (unified memory) brings a footprint in at
 *       {@code fault_gbps} while the invocation's kernels wait on their faults.</li>
 *   <li>Execution: warm time ÷ {@code speed} ÷ compute share (MIG), × the MPS lone-client factor, ×
 *       {@code uvm_oversubscribed_factor} when the device's memory is oversubscribed.</li>
 *   <li>Kernel activity: the share of an execution during which one of its kernels runs (the
 *       function's {@code gpu_activity}, else the run's default). It decides what NVML's
 *       utilization reports ({@link #kernelBusy}), and so what the gate sees; an invocation waiting
 *       for its memory counts as busy (its kernel is resident, stalled on page faults).</li>
 *   <li>Sharing: k executions on one device each run {@link #factor}(k) times slower.</li>
 * </ul>
 */
public final class ExecutionModel {
    private final double coldFloorMs;
    private final double kernelLoadMs;
    private final double defaultActivity;
    private final MemoryMode memory;

    /**
     * @param coldFloorMs     least container start of a GPU cold start (attaching a GPU)
     * @param kernelLoadMs    a shared KaaS worker's kernel load on a cache miss
     * @param defaultActivity kernel activity share of functions that do not declare one
     * @param memory          how the run manages GPU memory (decides what a GPU-cold start pays)
     */
    public ExecutionModel(double coldFloorMs, double kernelLoadMs, double defaultActivity, MemoryMode memory) {
        if (!(defaultActivity > 0 && defaultActivity <= 1))
            throw new IllegalArgumentException("activity must be in (0, 1]");
        this.coldFloorMs = coldFloorMs;
        this.kernelLoadMs = kernelLoadMs;
        this.defaultActivity = defaultActivity;
        this.memory = memory;
    }

    public MemoryMode memory() {
        return memory;
    }

    /** true when a container whose memory is on the host pays demand paging during its execution (no prefetch). */
    public boolean demandPaged() {
        return memory == MemoryMode.UVM;
    }

    // ------------------------------------------------------------------ charges

    /** Container start before the code runs: a cold start, a CPU container start, or a shared worker's cache miss. */
    public long containerStartUs(Device d, FunctionSpec f, boolean shared) {
        return Math.round(containerStartMs(d, f, shared) * 1000);
    }

    private double containerStartMs(Device d, FunctionSpec f, boolean shared) {
        if (d.kind == DeviceKind.CPU) return Math.max(0, f.cpuColdOrWarmMs() - f.cpuWarmMs());
        if (shared) return kernelLoadMs + transferMs(d, f.gpuMemMb());
        return Math.max(f.gpuColdMs() - f.gpuWarmMs(), coldFloorMs);
    }

    /** An explicit move of {@code mb} over the host link (a prefetch or a swap-out). */
    public long transferUs(Device d, double mb) {
        return Math.round(transferMs(d, mb) * 1000);
    }

    private static double transferMs(Device d, double mb) {
        return mb / d.profile.linkGBps();
    }

    /** Demand paging of {@code mb} onto the device while the invocation's kernels wait. */
    public long faultUs(Device d, double mb) {
        return Math.round(faultMs(d, mb) * 1000);
    }

    private static double faultMs(Device d, double mb) {
        return mb / d.profile.faultGBps();
    }

    /**
     * The warm time of {@code f} on {@code d} (ms): the reference warm time over the profile's speed and
     * the device's compute share (MIG), or the CPU warm time on the CPU pool (the GPU warm time for a
     * function without a CPU version). What a real backend's stand-in function takes.
     */
    public static double warmOnDeviceMs(Device d, FunctionSpec f) {
        if (d.kind == DeviceKind.CPU) return f.hasCpu() ? f.cpuWarmMs() : f.gpuWarmMs();
        return f.gpuWarmMs() / d.profile.speed() / d.computeShare;
    }

    /** Work of one execution at slowdown 1 (µs); {@code oversubscribed}: the device's memory is oversubscribed now. */
    public double workUs(Device d, FunctionSpec f, boolean oversubscribed) {
        if (d.kind == DeviceKind.CPU) return f.cpuWarmMs() * 1000;
        double us = warmOnDeviceMs(d, f) * 1000;
        if (d.mps && d.mpsThreadPct < 100) us *= 1 + d.profile.mpsSmSensitivity() * (100.0 / d.mpsThreadPct - 1);
        if (oversubscribed && memory != MemoryMode.NONE) us *= d.profile.uvmOversubscribedFactor();
        return us;
    }

    /**
     * Execution-time factor of each of {@code k} executions sharing {@code d}: the profile's curve
     * (time slicing, or MPS); 1 on the CPU pool, where each invocation has a core of its own.
     */
    public static double factor(Device d, int k) {
        if (d.kind == DeviceKind.CPU || k <= 1) return 1.0;
        return d.profile.slowdownAt(k, d.mps);
    }

    /**
     * Share of time at least one kernel runs on {@code d} with {@code k} computing executions of
     * activities {@code a[0..k)}: each computes at 1/factor(k) of its speed and so keeps a kernel on
     * the GPU a_i / factor(k) of the time; kernels of different executions are counted as not
     * overlapping (time slicing), so the device is busy Σ a_i / factor(k), at most 1. An execution
     * waiting for its memory keeps the device busy all the time (its kernel is resident, stalled on
     * page faults). The CPU pool counts as busy while anything runs on it.
     */
    public static double kernelBusy(Device d, double[] a, int k, int waitingForMemory) {
        if (waitingForMemory > 0) return 1.0;
        if (k == 0) return 0.0;
        if (d.kind == DeviceKind.CPU) return 1.0;
        double sum = 0;
        for (int i = 0; i < k; i++) sum += a[i];
        return Math.min(1.0, sum / factor(d, k));
    }

    /** Share of an execution of {@code f} on {@code d} during which one of its kernels runs (1 on the CPU pool). */
    public double kernelActivity(Device d, FunctionSpec f) {
        if (d.kind == DeviceKind.CPU) return 1.0;
        return f.hasGpuActivity() ? f.gpuActivity() : defaultActivity;
    }

    // ------------------------------------------------------------------ estimates (ms)

    /** Estimated execution (ms) of {@code f} alone on {@code d}, memory resident. */
    public double serviceMs(Device d, FunctionSpec f) {
        return workUs(d, f, false) / 1000;
    }

    /**
     * Estimated time (ms) before {@code f}'s code can run on {@code d} for a start of {@code type}:
     * 0 warm, the prefetch (or, demand-paged, the fault-in) of its footprint GPU-cold, the container
     * start cold, the container start on the CPU pool when {@code newContainer}.
     */
    public double startCostMs(Device d, FunctionSpec f, StartType type, boolean shared, boolean newContainer) {
        return switch (type) {
            case WARM -> 0;
            case GPU_COLD ->
                shared && newContainer
                        ? containerStartMs(d, f, true)
                        : demandPaged() ? faultMs(d, f.gpuMemMb()) : transferMs(d, f.gpuMemMb());
            case COLD -> containerStartMs(d, f, shared);
            case CPU -> newContainer ? containerStartMs(d, f, false) : 0;
        };
    }
}
