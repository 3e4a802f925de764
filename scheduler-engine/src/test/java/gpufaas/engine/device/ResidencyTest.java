package gpufaas.engine.device;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.run.FixedBackend;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Residency} on its own: warm pools, the memory ledger and the moves each memory mode asks
 * for. Devices are built directly; the backend only logs what it was asked ({@link FixedBackend}
 * without an engine). Ledger rule under test: used = Σ contexts of live containers + Σ footprints on
 * the device or moving onto it.
 */
class ResidencyTest {
    static final FunctionSpec A = FunctionSpec.gpu(0, "A", 100, 300, 300);
    static final FunctionSpec B = FunctionSpec.gpu(1, "B", 100, 300, 200);
    static final FunctionSpec C = FunctionSpec.gpu(2, "C", 100, 300, 600);

    final FixedBackend backend = new FixedBackend(50, 100);
    final List<String> events = new ArrayList<>();
    final ResidencyListener listener = new ResidencyListener() {
        @Override
        public void containerCreated(Container c) {
            events.add("created " + c.function.name() + " on " + c.device.name);
        }

        @Override
        public void containerRemoved(Container c, boolean evicted) {
            events.add((evicted ? "evicted " : "removed ") + c.function.name() + " on " + c.device.name);
        }

        @Override
        public void memoryMoved(Container c, MemoryLocation from, MemoryLocation to) {
            events.add("moved " + c.function.name() + " " + from + "->" + to);
        }
    };

    static DeviceProfile profile(double memoryMb, double contextMb) {
        return DeviceProfile.builder("test")
                .description("test device")
                .memoryMb(memoryMb)
                .sms(80)
                .linkGBps(10.0)
                .faultGBps(5.0)
                .speed(1.0)
                .contextMemMb(contextMb)
                .slowdown(1, 1.28)
                .mpsSlowdown(1, 1.12)
                .mpsSmSensitivity(0.5)
                .uvmOversubscribedFactor(1.4)
                .utilSampleMs(200)
                .pricePerSecond(0.001)
                .build();
    }

    static Device gpu(int index, double memoryMb, double contextMb, int pool) {
        return new Device(
                index,
                "g" + index,
                DeviceKind.GPU,
                profile(memoryMb, contextMb),
                index,
                memoryMb,
                1.0,
                false,
                100,
                2,
                0,
                pool);
    }

    Residency residency(MemoryMode mode) {
        return new Residency(mode, backend, listener);
    }

    /** A container of {@code f} on {@code d}, created, ready and back in the idle pool. */
    static Container idle(Residency r, Device d, FunctionSpec f) {
        Container c = r.create(d, f, false);
        r.ready(c);
        r.release(c, true);
        return c;
    }

    // ------------------------------------------------------------------ warm pool

    @Test
    void create_poolFull_evictsTheLeastRecentlyReleasedIdleContainer() {
        // pool of 2: A and B idle (A released first, so A is the LRU head); C needs a slot: A is evicted
        // before C is made.
        Residency r = residency(MemoryMode.PREFETCH_SWAP);
        Device d = gpu(0, 16_000, 0, 2);
        idle(r, d, A);
        idle(r, d, B);
        r.create(d, C, false);
        assertThat(events).containsExactly("created A on g0", "created B on g0", "evicted A on g0", "created C on g0");
        assertThat(d.containerCount()).isEqualTo(2);
        assertThat(d.evictions()).isEqualTo(1);
        assertThat(backend.calls).containsExactly("- destroy A");
        assertThat(r.holdersOf(A.id())).isEmpty();
    }

    @Test
    void release_order_decidesTheEvictionNotCreationOrder() {
        // A created first but released after B: B is the LRU head and goes when C needs the slot.
        Residency r = residency(MemoryMode.PREFETCH_SWAP);
        Device d = gpu(0, 16_000, 0, 2);
        Container a = r.create(d, A, false);
        Container b = r.create(d, B, false);
        r.ready(a);
        r.ready(b);
        r.release(b, true);
        r.release(a, true);
        r.create(d, C, false);
        assertThat(b.destroyed()).isTrue();
        assertThat(a.destroyed()).isFalse();
        assertThat(d.idleContainers()).isEqualTo(1);
    }

    @Test
    void acquireIdle_takesTheContainerOutOfThePool_soABusyPoolCanOverflow() {
        // pool of 1: A idle, taken back (busy). Creating B finds no idle container to evict: the pool
        // holds 2 (busy containers are never evicted). A second acquire of A finds nothing idle.
        Residency r = residency(MemoryMode.PREFETCH_SWAP);
        Device d = gpu(0, 16_000, 0, 1);
        Container a = idle(r, d, A);
        assertThat(r.acquireIdle(d, A.id())).isSameAs(a);
        assertThat(a.busy()).isTrue();
        assertThat(r.acquireIdle(d, A.id())).isNull();
        r.create(d, B, false);
        assertThat(d.containerCount()).isEqualTo(2);
        assertThat(d.evictions()).isZero();
    }

    @Test
    void release_withoutKeep_removesTheContainerWithoutCountingAnEviction() {
        Residency r = residency(MemoryMode.PREFETCH_SWAP);
        Device d = gpu(0, 16_000, 100, 4);
        Container a = r.create(d, A, false);
        r.ready(a);
        r.release(a, false);
        assertThat(events).containsExactly("created A on g0", "removed A on g0");
        assertThat(d.evictions()).isZero();
        assertThat(d.usedMb()).isZero();
    }

    // ------------------------------------------------------------------ memory ledger

    @Test
    void ledger_countsContextsAndFootprints() {
        // context 100 per container: A (300) -> 100 + 300 = 400; B (200) -> 400 + 100 + 200 = 700;
        // contexts 2 x 100 = 200; removing A frees its 400 -> 300.
        Residency r = residency(MemoryMode.PREFETCH_SWAP);
        Device d = gpu(0, 1000, 100, 8);
        Container a = r.create(d, A, false);
        assertThat(d.usedMb()).isEqualTo(400);
        r.create(d, B, false);
        assertThat(d.usedMb()).isEqualTo(700);
        assertThat(d.contextMb()).isEqualTo(200);
        assertThat(d.freeMb()).isEqualTo(300);
        r.remove(a, false);
        assertThat(d.usedMb()).isEqualTo(300);
    }

    @Test
    void swapOutAndPrefetch_moveTheFootprintAndKeepTheContext() {
        // A idle: 100 + 300 = 400. Swap-out frees its 300 at once (moving out) -> 100; arrived on the host:
        // still 100. Prefetch takes the 300 again at its start -> 400; arrived: on the device.
        Residency r = residency(MemoryMode.PREFETCH_SWAP);
        Device d = gpu(0, 1000, 100, 8);
        Container a = idle(r, d, A);
        r.flowIdle(A.id());
        assertThat(a.location()).isEqualTo(MemoryLocation.MOVING_OUT);
        assertThat(d.usedMb()).isEqualTo(100);
        assertThat(d.containersOnHost()).isEqualTo(1);
        assertThat(r.moved(a, false)).isFalse();
        assertThat(a.location()).isEqualTo(MemoryLocation.HOST);
        r.flowActive(A.id());
        assertThat(a.location()).isEqualTo(MemoryLocation.MOVING_IN);
        assertThat(d.usedMb()).isEqualTo(400);
        assertThat(r.moved(a, true)).isTrue();
        assertThat(a.location()).isEqualTo(MemoryLocation.DEVICE);
        assertThat(d.containersOnHost()).isZero();
        assertThat(List.of(d.swapsOut(), d.prefetches())).containsExactly(1L, 1L);
        assertThat(backend.calls).containsExactly("- swap-out A", "- prefetch A");
        assertThat(events)
                .containsExactly(
                        "created A on g0",
                        "moved A DEVICE->MOVING_OUT",
                        "moved A MOVING_OUT->HOST",
                        "moved A HOST->MOVING_IN",
                        "moved A MOVING_IN->DEVICE");
    }

    @Test
    void swapOut_busyContainer_staysOnTheDevice() {
        Residency r = residency(MemoryMode.PREFETCH_SWAP);
        Device d = gpu(0, 1000, 0, 8);
        Container a = r.create(d, A, false);
        r.flowIdle(A.id());
        assertThat(a.location()).isEqualTo(MemoryLocation.DEVICE);
        assertThat(d.usedMb()).isEqualTo(300);
        assertThat(backend.calls).isEmpty();
    }

    @Test
    void flowIdle_prefetchOnly_movesNothing() {
        // prefetch-only moves memory off the device only to make room, never on a flow state change
        Residency r = residency(MemoryMode.PREFETCH_ONLY);
        Device d = gpu(0, 1000, 0, 8);
        Container a = idle(r, d, A);
        r.flowIdle(A.id());
        assertThat(a.location()).isEqualTo(MemoryLocation.DEVICE);
        assertThat(backend.calls).isEmpty();
    }

    @Test
    void create_memoryShort_swapsOutIdleFootprintsOldestFirstUntilItFits() {
        // 1000 MB, no context. A (300) and B (200) idle, A older: 500 used. C (600) needs 600, 500 free:
        // swapping A out (oldest) frees 300 -> 800 free, enough; B stays. Then 200 + 600 = 800 used.
        Residency r = residency(MemoryMode.PREFETCH_SWAP);
        Device d = gpu(0, 1000, 0, 8);
        Container a = idle(r, d, A);
        Container b = idle(r, d, B);
        r.create(d, C, false);
        assertThat(a.location()).isEqualTo(MemoryLocation.MOVING_OUT);
        assertThat(b.location()).isEqualTo(MemoryLocation.DEVICE);
        assertThat(d.usedMb()).isEqualTo(800);
        assertThat(d.swapsOut()).isEqualTo(1);
        assertThat(d.evictions()).isEqualTo(1); // a swap-out to make room counts as an eviction of memory
        assertThat(d.containerCount()).isEqualTo(3);
    }

    @Test
    void create_memoryModeNone_evictsIdleContainersInsteadOfSwapping() {
        // memory none: nothing moves; A (300, oldest) is removed for C (600): 500 -> 200 + 600 = 800.
        Residency r = residency(MemoryMode.NONE);
        Device d = gpu(0, 1000, 0, 8);
        idle(r, d, A);
        idle(r, d, B);
        r.create(d, C, false);
        assertThat(events).containsExactly("created A on g0", "created B on g0", "evicted A on g0", "created C on g0");
        assertThat(d.usedMb()).isEqualTo(800);
        assertThat(d.swapsOut()).isZero();
    }

    @Test
    void create_memoryModeNone_cannotFitBesideBusyContainers_returnsNull() {
        // memory none: A (300) and B (200) busy hold 500; C (600) cannot fit and nothing idle can go.
        Residency r = residency(MemoryMode.NONE);
        Device d = gpu(0, 1000, 0, 8);
        r.create(d, A, false);
        r.create(d, B, false);
        assertThat(r.create(d, C, false)).isNull();
        assertThat(d.containerCount()).isEqualTo(2);
        assertThat(d.usedMb()).isEqualTo(500);
    }

    @Test
    void oversubscription_isMarkedWhileBusyContainersNeedMoreThanTheDeviceHasAndReliefOnRelease() {
        // unified memory, 1000 MB: A (300) and C (600) busy = 900; B (200) needs 200 with 100 free and nothing
        // idle to swap: the device runs oversubscribed at 1100. When A is released idle, its 300 is swapped
        // out to relieve the pressure: 800, no longer oversubscribed.
        Residency r = residency(MemoryMode.UVM);
        Device d = gpu(0, 1000, 0, 8);
        Container a = r.create(d, A, false);
        r.create(d, C, false);
        r.create(d, B, false);
        assertThat(d.usedMb()).isEqualTo(1100);
        assertThat(d.oversubscribed()).isTrue();
        assertThat(Residency.oversubscribed(d)).isTrue();
        r.ready(a);
        r.release(a, true);
        assertThat(a.location()).isEqualTo(MemoryLocation.MOVING_OUT);
        assertThat(d.usedMb()).isEqualTo(800);
        assertThat(d.oversubscribed()).isFalse();
    }

    @Test
    void faultIn_pagesTheFootprintBackAfterEvictingIdleMemory() {
        // unified memory, 1000 MB: A (300) on the host (swapped out earlier), B (200) and C (600) idle on the
        // device = 800. A's next run faults its 300 in: 200 free, so B (the oldest idle on the device) is
        // swapped out first -> 600 + 300 = 900.
        Residency r = residency(MemoryMode.UVM);
        Device d = gpu(0, 1000, 0, 8);
        Container a = idle(r, d, A);
        r.swapOut(a);
        r.moved(a, false);
        idle(r, d, B);
        idle(r, d, C);
        assertThat(r.acquireIdle(d, A.id())).isSameAs(a);
        r.faultIn(a);
        assertThat(a.location()).isEqualTo(MemoryLocation.MOVING_IN);
        assertThat(d.usedMb()).isEqualTo(900);
        assertThat(backend.calls).containsExactly("- swap-out A", "- swap-out B", "- fault-in A");
    }

    // ------------------------------------------------------------------ holders

    @Test
    void holdersOf_listsDevicesInIndexOrderWhateverTheCreationOrder() {
        // A created on g2, g0, g1, then a second one on g1: holders g0, g1, g2. Removing one of g1's two keeps
        // g1; removing the other drops it.
        Residency r = residency(MemoryMode.PREFETCH_SWAP);
        Device g0 = gpu(0, 16_000, 0, 8);
        Device g1 = gpu(1, 16_000, 0, 8);
        Device g2 = gpu(2, 16_000, 0, 8);
        r.create(g2, A, false);
        r.create(g0, A, false);
        Container first = r.create(g1, A, false);
        Container second = r.create(g1, A, false);
        assertThat(r.holdersOf(A.id())).containsExactly(g0, g1, g2);
        assertThat(r.holdersOf(B.id())).isEmpty();
        r.remove(first, false);
        assertThat(r.holdersOf(A.id())).containsExactly(g0, g1, g2);
        r.remove(second, true);
        assertThat(r.holdersOf(A.id())).containsExactly(g0, g2);
    }

    @Test
    void idleContainerOf_prefersMemoryOnTheDeviceOverMovingInOverHost() {
        // three idle containers of A: one on the host, one moving in, one on the device: the device one wins;
        // once it is taken, the moving one; then the one on the host.
        Residency r = residency(MemoryMode.PREFETCH_SWAP);
        Device d = gpu(0, 16_000, 0, 8);
        Container host = idle(r, d, A);
        r.swapOut(host);
        r.moved(host, false);
        Container moving = idle(r, d, A);
        r.swapOut(moving);
        r.moved(moving, false);
        r.prefetch(moving, false);
        Container onDevice = idle(r, d, A);
        assertThat(r.acquireIdle(d, A.id())).isSameAs(onDevice);
        assertThat(r.acquireIdle(d, A.id())).isSameAs(moving);
        assertThat(r.acquireIdle(d, A.id())).isSameAs(host);
    }
}
