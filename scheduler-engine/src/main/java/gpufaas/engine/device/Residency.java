package gpufaas.engine.device;

import gpufaas.engine.backend.ExecutionBackend;
import gpufaas.engine.model.FunctionSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Containers and their memory across devices: the warm pools (LRU of idle containers, at most
 * {@code poolCapacity} per device), the memory ledgers and the moves the memory mode asks for.
 * Ledger rule: a device's used memory is every live container's context plus the footprints that
 * are on it or moving onto it; a swap-out frees its footprint at once and occupies the host link
 * until it is done.
 */
public final class Residency {
    private final MemoryMode mode;
    private final ExecutionBackend backend;
    private final ResidencyListener listener;
    private long nextContainerId;
    /** per function id: the devices holding at least one of its containers (in device index order), or null */
    private Holders[] holders = new Holders[16];

    public Residency(MemoryMode mode, ExecutionBackend backend, ResidencyListener listener) {
        this.mode = mode;
        this.backend = backend;
        this.listener = listener;
    }

    /** The devices holding at least one container of {@code fn}, in device index order (read-only; small). */
    public List<Device> holdersOf(int fn) {
        return holders(fn).devices();
    }

    /** The devices holding at least one container of {@code fn}, each with its containers of it (read-only). */
    public Holders holders(int fn) {
        Holders h = fn < holders.length ? holders[fn] : null;
        return h == null ? Holders.NONE : h;
    }

    private void hold(Device d, FunctionSpec f) {
        int fn = f.id();
        if (fn >= holders.length) holders = Arrays.copyOf(holders, Math.max(fn + 1, holders.length * 2));
        Holders h = holders[fn];
        if (h == null) holders[fn] = h = new Holders();
        h.added(d, d.containersOf(fn));
    }

    /** Takes the best idle container of {@code fn} on {@code d} (memory on device first), or null. */
    public Container acquireIdle(Device d, int fn) {
        Container c = d.idleContainerOf(fn);
        if (c == null) return null;
        d.lruRemove(c);
        c.busy = true;
        return c;
    }

    /**
     * Creates a busy, not yet ready container of {@code f} on {@code d}, evicting idle containers
     * for a pool slot and for memory; {@code shared} marks a tenant entry in a shared KaaS worker.
     * Returns null when the memory mode is NONE and the footprint cannot be made to fit (the caller
     * waits for a release). The new container's context and footprint are allocated on the device: idle
     * containers' memory leaves first (LRU), then idle containers themselves (their contexts cannot
     * leave the device); if running invocations still need more than the device has, the device
     * runs oversubscribed.
     */
    public Container create(Device d, FunctionSpec f, boolean shared) {
        boolean gpu = d.kind == DeviceKind.GPU;
        double need = gpu ? f.gpuMemMb() + d.profile.contextMemMb() : 0;
        if (gpu && mode == MemoryMode.NONE && !canFit(d, need)) return null;
        while (d.containerCount() >= d.poolCapacity && d.lruHead != null) {
            remove(d.lruHead, true);
        }
        if (gpu && !makeRoom(d, need, null)) {
            while (d.freeMb() < need && d.lruHead != null) remove(d.lruHead, true);
        }
        Container c = d.add(nextContainerId++, f);
        c.busy = true;
        c.shared = shared;
        hold(d, f);
        if (gpu) {
            d.usedMb += need;
            ledgerChanged(d);
        }
        listener.containerCreated(c);
        return c;
    }

    private boolean canFit(Device d, double need) {
        if (need > d.memoryMb) return false;
        double reclaimable = 0;
        for (Container c = d.lruHead; c != null; c = c.lruNext) reclaimable += onDeviceMb(c) + d.profile.contextMemMb();
        return d.freeMb() + reclaimable >= need;
    }

    private static double onDeviceMb(Container c) {
        return c.location == MemoryLocation.DEVICE || c.location == MemoryLocation.MOVING_IN ? c.memMb() : 0;
    }

    /**
     * Frees memory on {@code d} until {@code need} fits, idle containers in LRU order; false if it cannot.
     * Swapping modes visit only the idle containers whose memory is on the device (the device keeps
     * them apart, oldest first), so the cost is the number of containers swapped out; the choice and
     * order are those of a walk of the whole LRU that steps over the others.
     */
    private boolean makeRoom(Device d, double need, Container keep) {
        if (mode != MemoryMode.NONE && (keep == null || !keep.reclaimable)) {
            List<Container> expected = null;
            assert (expected = lruWalkSwaps(d, need, keep)) != null;
            int swapped = 0;
            while (d.freeMb() < need) {
                Container c = d.oldestOnDeviceIdle();
                if (c == null) break;
                assert swapped < expected.size() && expected.get(swapped) == c
                        : "makeRoom on " + d + ": swapped " + c + ", the LRU walk " + expected;
                swapOut(c);
                d.evictions++;
                swapped++;
                if (c.reclaimable) throw new IllegalStateException(c + ": swap-out left it on the device");
            }
            assert swapped == expected.size()
                    : "makeRoom on " + d + ": swapped " + swapped + ", the LRU walk " + expected;
            return d.freeMb() >= need;
        }
        Container c = d.lruHead;
        while (d.freeMb() < need && c != null) {
            Container nextC = c.lruNext;
            if (c != keep) {
                if (mode == MemoryMode.NONE) {
                    remove(c, true);
                } else if (c.location == MemoryLocation.DEVICE && c.memMb() > 0) {
                    swapOut(c);
                    d.evictions++;
                }
            }
            c = nextC;
        }
        return d.freeMb() >= need;
    }

    /** The swap-outs a walk of the whole LRU from its head would make (checked with assertions on). */
    private static List<Container> lruWalkSwaps(Device d, double need, Container keep) {
        List<Container> out = new ArrayList<>();
        double used = d.usedMb;
        for (Container c = d.lruHead; c != null && d.memoryMb - used < need; c = c.lruNext) {
            if (c != keep && c.location == MemoryLocation.DEVICE && c.memMb() > 0) {
                out.add(c);
                used -= c.memMb();
            }
        }
        return out;
    }

    /** Returns a container to its device's idle pool, or removes it when there is no pool. */
    public void release(Container c, boolean keep) {
        c.busy = false;
        if (!keep) {
            remove(c, false);
            return;
        }
        Device d = c.device;
        d.lruAppend(c);
        if (d.kind == DeviceKind.GPU && oversubscribed(d)) makeRoom(d, 0, null); // relieve memory pressure
    }

    /** Removes a container, counted as an eviction when {@code evicted}. */
    public void remove(Container c, boolean evicted) {
        if (c.destroyed) return;
        Device d = c.device;
        if (d.kind == DeviceKind.GPU) d.usedMb -= onDeviceMb(c) + d.profile.contextMemMb();
        if (hostSide(c.location)) d.onHost--;
        d.remove(c);
        ledgerChanged(d);
        holders[c.function.id()].removed(d);
        if (evicted) d.evictions++;
        backend.destroyContainer(c);
        listener.containerRemoved(c, evicted);
    }

    private static boolean hostSide(MemoryLocation l) {
        return l == MemoryLocation.HOST || l == MemoryLocation.MOVING_OUT;
    }

    private static void setLocation(Container c, MemoryLocation to) {
        if (hostSide(c.location)) c.device.onHost--;
        if (hostSide(to)) c.device.onHost++;
        c.location = to;
        c.device.onDeviceChanged(c);
    }

    /**
     * Starts moving a container's memory to its device (no-op if it is on its way or there). A
     * container an invocation waits for ({@code needed}) moves even if the device must be
     * oversubscribed; an anticipatory prefetch of an idle one happens only when room can be made.
     */
    public void prefetch(Container c, boolean needed) {
        if (!startMoveIn(c, needed)) return;
        backend.moveMemory(c, true);
    }

    /**
     * Demand paging (unified memory without prefetches): the memory of {@code c}, whose invocation is
     * starting, comes onto the device through page faults while its kernels wait. Idle containers'
     * memory is evicted for it (LRU); if that is not enough the device runs oversubscribed.
     */
    public void faultIn(Container c) {
        if (!startMoveIn(c, true)) return;
        backend.faultIn(c);
    }

    private boolean startMoveIn(Container c, boolean needed) {
        if (c.destroyed || c.device.kind != DeviceKind.GPU) return false;
        if (c.location == MemoryLocation.DEVICE || c.location == MemoryLocation.MOVING_IN) return false;
        Device d = c.device;
        if (!makeRoom(d, c.memMb(), c) && !needed) return false;
        MemoryLocation from = c.location;
        setLocation(c, MemoryLocation.MOVING_IN);
        d.usedMb += c.memMb();
        d.prefetches++;
        ledgerChanged(d);
        listener.memoryMoved(c, from, MemoryLocation.MOVING_IN);
        return true;
    }

    /** Moves an idle container's memory to the host. */
    public void swapOut(Container c) {
        if (c.destroyed || c.busy || c.device.kind != DeviceKind.GPU) return;
        if (c.location != MemoryLocation.DEVICE) return;
        Device d = c.device;
        setLocation(c, MemoryLocation.MOVING_OUT);
        d.usedMb -= c.memMb();
        d.swapsOut++;
        ledgerChanged(d);
        listener.memoryMoved(c, MemoryLocation.DEVICE, MemoryLocation.MOVING_OUT);
        backend.moveMemory(c, false);
    }

    /** Keeps the device's oversubscription mark in step with its ledger. */
    private static void ledgerChanged(Device d) {
        d.oversubscribed = oversubscribed(d);
    }

    /** A move finished; returns true when the container's memory is now on its device. */
    public boolean moved(Container c, boolean toDevice) {
        if (c.destroyed) return false;
        if (toDevice && c.location == MemoryLocation.MOVING_IN) {
            setLocation(c, MemoryLocation.DEVICE);
            listener.memoryMoved(c, MemoryLocation.MOVING_IN, MemoryLocation.DEVICE);
            // an anticipatory prefetch that landed on a device others have since oversubscribed goes back
            if (!c.busy && oversubscribed(c.device)) makeRoom(c.device, 0, null);
            return true;
        }
        if (!toDevice && c.location == MemoryLocation.MOVING_OUT) {
            setLocation(c, MemoryLocation.HOST);
            listener.memoryMoved(c, MemoryLocation.MOVING_OUT, MemoryLocation.HOST);
        }
        return false;
    }

    /** Marks a created container ready. */
    public void ready(Container c) {
        c.ready = true;
    }

    /**
     * Prefetch+Swap hooks: prefetch a function's idle containers on Active, swap them out on
     * Throttled/Inactive. Only the GPUs holding a container of {@code fn} are visited, in device
     * index order (the order of a walk over all GPUs).
     */
    public void flowActive(int fn) {
        if (mode != MemoryMode.PREFETCH_SWAP && mode != MemoryMode.PREFETCH_ONLY) return;
        Holders h = holders(fn);
        for (int i = 0; i < h.size(); i++) {
            if (h.device(i).kind != DeviceKind.GPU) continue;
            List<Container> cs = h.containers(i);
            for (int k = 0; k < cs.size(); k++) {
                Container c = cs.get(k);
                if (!c.busy && c.ready) prefetch(c, false);
            }
        }
    }

    public void flowIdle(int fn) {
        if (mode != MemoryMode.PREFETCH_SWAP) return;
        Holders h = holders(fn);
        for (int i = 0; i < h.size(); i++) {
            if (h.device(i).kind != DeviceKind.GPU) continue;
            List<Container> cs = h.containers(i);
            for (int k = 0; k < cs.size(); k++) swapOut(cs.get(k));
        }
    }

    /** true when {@code d}'s ledger exceeds its memory (demand paging slows execution). */
    public static boolean oversubscribed(Device d) {
        return d.usedMb > d.memoryMb + 1e-6;
    }
}
