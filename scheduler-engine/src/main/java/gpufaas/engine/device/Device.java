package gpufaas.engine.device;

import gpufaas.engine.model.FunctionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A device the engine dispatches to: a GPU, one MIG instance of a GPU, or the CPU pool. It owns
 * D_max concurrency tokens, the utilization gate, the memory ledger (which containers' memory is
 * on it) and its warm pool (at most {@code poolCapacity} containers, idle ones kept in LRU order).
 */
public final class Device {
    public final int index;
    public final String name;
    public final DeviceKind kind;
    public final DeviceProfile profile;
    /** index of the physical GPU this device lives on (MIG instances share one) */
    public final int physicalGpu;

    public final double memoryMb;
    /** share of the physical GPU's compute (1 without MIG) */
    public final double computeShare;

    public final boolean mps;
    /** MPS active thread percentage given to each client (100 without MPS) */
    public final double mpsThreadPct;

    public final UtilizationGate gate;

    int dMax;
    int inFlight;
    int executing;
    /** kernel activity of each computing execution (the first computingCount entries) */
    private double[] computing = new double[4];

    private int computingCount;
    /** executing invocations still waiting for their memory (stalled on faults or a prefetch) */
    private int memoryWaits;
    /** the ledger exceeds the memory because running invocations need more than the device has */
    boolean oversubscribed;

    int poolCapacity;
    double usedMb;
    long evictions;
    long swapsOut;
    long prefetches;
    /** containers on this device per function id */
    private final ContainersByFunction byFunction = new ContainersByFunction();

    private final List<Container> all = new ArrayList<>();
    Container lruHead;
    Container lruTail;
    int idleCount;
    private long lruSeqNext;
    /** the idle containers a swap-out can reclaim, oldest first */
    private final ReclaimableIdle reclaimableIdle = new ReclaimableIdle();

    int onHost;

    public Device(
            int index,
            String name,
            DeviceKind kind,
            DeviceProfile profile,
            int physicalGpu,
            double memoryMb,
            double computeShare,
            boolean mps,
            double mpsThreadPct,
            int dMax,
            double utilLimitPct,
            int poolCapacity) {
        this.index = index;
        this.name = name;
        this.kind = kind;
        this.profile = profile;
        this.physicalGpu = physicalGpu;
        this.memoryMb = memoryMb;
        this.computeShare = computeShare;
        this.mps = mps;
        this.mpsThreadPct = mpsThreadPct;
        this.dMax = dMax;
        this.poolCapacity = poolCapacity;
        long period = profile == null ? 200_000 : Math.max(1, Math.round(profile.utilSampleMs() * 1000));
        this.gate = new UtilizationGate(period, kind == DeviceKind.GPU ? utilLimitPct : 0);
    }

    public int dMax() {
        return dMax;
    }

    public int inFlight() {
        return inFlight;
    }

    /** invocations in their execution phase (the rest are creating containers or prefetching) */
    public int executing() {
        return executing;
    }

    public int poolCapacity() {
        return poolCapacity;
    }

    public double usedMb() {
        return usedMb;
    }

    public double freeMb() {
        return memoryMb - usedMb;
    }

    /**
     * true while the memory ledger is above capacity because the invocations running here need more
     * than the device has (unified memory pages; executions started now pay the demand-paging factor).
     */
    public boolean oversubscribed() {
        return oversubscribed;
    }

    /** Memory held by the CUDA contexts of this device's containers (they stay while a container lives). */
    public double contextMb() {
        return kind == DeviceKind.GPU ? all.size() * profile.contextMemMb() : 0;
    }

    public long evictions() {
        return evictions;
    }

    public long swapsOut() {
        return swapsOut;
    }

    public long prefetches() {
        return prefetches;
    }

    public int containerCount() {
        return all.size();
    }

    public int idleContainers() {
        return idleCount;
    }

    /** containers whose memory is on the host or on its way there */
    public int containersOnHost() {
        return onHost;
    }

    public boolean hasToken() {
        return inFlight < dMax;
    }

    /** Caps tokens and pool at {@code workers} (policies with one worker per GPU). */
    public void limitWorkers(int workers) {
        if (workers <= 0) return;
        dMax = Math.min(dMax, workers);
        poolCapacity = Math.min(poolCapacity, workers);
    }

    /** Takes one of the D_max tokens (the caller checked {@link #hasToken()}). */
    public void takeToken() {
        if (inFlight >= dMax) throw new IllegalStateException(name + ": no token left");
        inFlight++;
    }

    public void giveToken() {
        if (inFlight <= 0) throw new IllegalStateException(name + ": token given back twice");
        inFlight--;
    }

    /**
     * An invocation starts executing at {@code now}: computing with kernels running {@code activity}
     * of the time, or first {@code waitingForMemory} (its kernels stalled until its memory is on the
     * device). The gate sees the device's new kernel-busy share.
     */
    public void beginExec(double activity, boolean waitingForMemory, long now) {
        executing++;
        if (waitingForMemory) memoryWaits++;
        else addComputing(activity);
        updateGate(now);
    }

    /** An executing invocation's memory arrived: it computes from {@code now} on. */
    public void memoryArrived(double activity, long now) {
        if (memoryWaits <= 0) throw new IllegalStateException(name + ": no execution waits for memory");
        memoryWaits--;
        addComputing(activity);
        updateGate(now);
    }

    /** An invocation that computed with {@code activity} (or was still waiting for memory) stops executing. */
    public void endExec(double activity, boolean waitingForMemory, long now) {
        if (executing <= 0) throw new IllegalStateException(name + ": no execution to end");
        executing--;
        if (waitingForMemory) memoryWaits--;
        else removeComputing(activity);
        updateGate(now);
    }

    /** Share of time at least one kernel runs with the current executions (see {@link ExecutionModel#kernelBusy}). */
    public double kernelShare() {
        return ExecutionModel.kernelBusy(this, computing, computingCount, memoryWaits);
    }

    private void updateGate(long now) {
        gate.setActivity(now, kernelShare(), executing > 0);
    }

    private void addComputing(double a) {
        if (computingCount == computing.length) computing = Arrays.copyOf(computing, computingCount * 2);
        computing[computingCount++] = a;
    }

    private void removeComputing(double a) {
        for (int i = 0; i < computingCount; i++) {
            if (computing[i] == a) {
                computing[i] = computing[--computingCount];
                return;
            }
        }
        throw new IllegalStateException(name + ": no computing execution with activity " + a);
    }

    /** All live containers (read-only view for snapshots). */
    public List<Container> containers() {
        return Collections.unmodifiableList(all);
    }

    /** Live containers of {@code fn} on this device, possibly empty. */
    public List<Container> containersOf(int fn) {
        return byFunction.get(fn);
    }

    /** The best idle container of {@code fn}: memory on the device first, then moving in, then host. */
    public Container idleContainerOf(int fn) {
        return bestIdle(containersOf(fn));
    }

    /** The best idle container of a list of one function's containers on one device (as {@link #idleContainerOf}). */
    public static Container bestIdle(List<Container> cs) {
        Container best = null;
        for (int i = 0, n = cs.size(); i < n; i++) {
            Container c = cs.get(i);
            if (c.busy || !c.ready || c.destroyed) continue;
            if (best == null || rank(c.location) < rank(best.location)) best = c;
        }
        return best;
    }

    private static int rank(MemoryLocation l) {
        return switch (l) {
            case DEVICE -> 0;
            case MOVING_IN -> 1;
            case HOST, MOVING_OUT -> 2;
        };
    }

    Container add(long id, FunctionSpec f) {
        Container c = new Container(id, f, this);
        byFunction.add(c);
        all.add(c);
        return c;
    }

    void remove(Container c) {
        byFunction.remove(c);
        all.remove(c);
        lruRemove(c);
        c.destroyed = true;
    }

    void lruAppend(Container c) {
        if (c.inLru) lruRemove(c);
        c.lruPrev = lruTail;
        c.lruNext = null;
        if (lruTail != null) lruTail.lruNext = c;
        else lruHead = c;
        lruTail = c;
        c.inLru = true;
        c.lruSeq = lruSeqNext++;
        idleCount++;
        onDeviceChanged(c);
    }

    void lruRemove(Container c) {
        if (!c.inLru) return;
        if (c.lruPrev != null) c.lruPrev.lruNext = c.lruNext;
        else lruHead = c.lruNext;
        if (c.lruNext != null) c.lruNext.lruPrev = c.lruPrev;
        else lruTail = c.lruPrev;
        c.lruPrev = c.lruNext = null;
        c.inLru = false;
        idleCount--;
        onDeviceChanged(c);
    }

    // ------------------------------------------------------------------ idle containers whose memory is on this GPU

    /** The least recently used idle container whose non-empty memory is on this GPU, or null. */
    Container oldestOnDeviceIdle() {
        return reclaimableIdle.oldest();
    }

    /** Number of idle containers whose non-empty memory is on this GPU. */
    int onDeviceIdleCount() {
        return reclaimableIdle.count();
    }

    private boolean reclaimable(Container c) {
        return c.inLru
                && !c.destroyed
                && kind == DeviceKind.GPU
                && c.location == MemoryLocation.DEVICE
                && c.memMb() > 0;
    }

    /** Brings {@code c}'s membership of the reclaimable idle containers up to date (after an LRU or location change). */
    void onDeviceChanged(Container c) {
        reclaimableIdle.update(c, reclaimable(c));
    }

    @Override
    public String toString() {
        return name;
    }
}
