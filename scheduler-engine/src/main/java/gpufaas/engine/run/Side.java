package gpufaas.engine.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.param.Params;
import gpufaas.engine.placement.Target;
import gpufaas.engine.policy.Batching;
import gpufaas.engine.policy.Characteristic;
import gpufaas.engine.policy.FlowState;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.policy.PolicyContext;
import gpufaas.engine.policy.PolicyFactory;
import gpufaas.engine.policy.PolicyStats;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * One policy instance with the devices it serves (the GPUs, or the CPU pool) and its context. It
 * owns the side's accounting: its devices' tokens (kept by level for the dispatch loop), the
 * estimated work queued and running (for finish estimates), and per device the invocations that
 * hold a token but wait for memory (memory mode none).
 */
final class Side implements PolicyContext {
    final Engine engine;
    final Policy policy;
    /** the policy, when it runs batches; else null */
    private final Batching batching;

    final List<Device> devices;
    final boolean gpu;
    private final Set<Characteristic> characteristics;
    /** estimated service (ms) of the invocations waiting in this side's queues */
    private double queuedWorkMs;
    /** Σ (dispatch time + planned service) in ms over the invocations running here, and their count */
    private double runningEndMs;

    private int running;
    /** per device position: invocations holding a token of that device while they wait for memory */
    private final ArrayDeque<Invocation>[] memoryWaiters;
    /** invocations waiting for memory on any device of this side (none outside memory mode none) */
    private int waitingForMemory;

    final int tokens;
    /** device positions in {@link #devices} by tokens held: bit i of levels[k] = device i has k invocations in flight */
    private final long[][] levels;

    private final int[] posOf;

    Side(Engine engine, PolicyFactory factory, Params params, List<Device> devices, boolean gpu) {
        this.engine = engine;
        this.devices = List.copyOf(devices);
        this.gpu = gpu;
        this.characteristics = factory.characteristics().isEmpty()
                ? EnumSet.noneOf(Characteristic.class)
                : EnumSet.copyOf(factory.characteristics());
        if (gpu && has(Characteristic.ONE_WORKER_PER_DEVICE)) for (Device d : this.devices) d.limitWorkers(1);
        int t = 0;
        int maxD = 0;
        for (Device d : this.devices) {
            t += d.dMax();
            maxD = Math.max(maxD, d.dMax());
        }
        this.tokens = t;
        long[][] l = new long[maxD + 1][(this.devices.size() + 63) >>> 6];
        for (int i = 0; i < this.devices.size(); i++) l[this.devices.get(i).inFlight()][i >>> 6] |= 1L << i;
        this.levels = l;
        int maxIndex = 0;
        for (Device d : this.devices) maxIndex = Math.max(maxIndex, d.index);
        this.posOf = new int[maxIndex + 1];
        for (int i = 0; i < this.devices.size(); i++) posOf[this.devices.get(i).index] = i;
        @SuppressWarnings("unchecked")
        ArrayDeque<Invocation>[] w = new ArrayDeque[this.devices.size()];
        for (int i = 0; i < w.length; i++) w[i] = new ArrayDeque<>();
        this.memoryWaiters = w;
        this.policy = factory.create(this, params);
        this.batching = policy instanceof Batching b ? b : null;
    }

    // ------------------------------------------------------------------ work accounting

    /** {@code inv} joins this side's queues with its planned service (ms). */
    void enqueue(Invocation inv) {
        queuedWorkMs += inv.plannedMs;
        policy.enqueue(inv);
    }

    /** {@code inv} leaves the queues without running (dropped at dispatch). */
    void unqueued(Invocation inv) {
        queuedWorkMs -= inv.plannedMs;
    }

    /** {@code inv} leaves the queues and runs on {@code d} from {@code nowUs} (under a token the caller holds). */
    void dispatched(Invocation inv, Device d, long nowUs) {
        inv.dispatchUs = nowUs;
        inv.device = d.index;
        queuedWorkMs -= inv.plannedMs;
        runningEndMs += nowUs / 1000.0 + inv.plannedMs;
        running++;
    }

    /** Invocations dispatched here and not ended. */
    int running() {
        return running;
    }

    /** The next member of {@code finished}'s batch, to run in its container under its token; null when none. */
    Invocation continuation(Invocation finished) {
        return batching == null ? null : batching.continuation(finished);
    }

    /** true when the side's policy needs {@code c} of the engine. */
    boolean has(Characteristic c) {
        return characteristics.contains(c);
    }

    /** {@code inv}, dispatched at {@code inv.dispatchUs}, stops running. */
    void ended(Invocation inv) {
        runningEndMs -= inv.dispatchUs / 1000.0 + inv.plannedMs;
        running--;
    }

    /** Estimated service (ms) of the invocations waiting in this side's queues. */
    double queuedWorkMs() {
        return queuedWorkMs;
    }

    // ------------------------------------------------------------------ invocations waiting for memory

    /** true when {@code d} can take a new invocation: a token free and nobody waiting there for memory. */
    boolean canTake(Device d) {
        return d.hasToken() && (waitingForMemory == 0 || memoryWaiters[posOf[d.index]].isEmpty());
    }

    /** {@code inv} holds a token of {@code d} and waits there for memory. */
    void waitForMemory(Invocation inv, Device d) {
        memoryWaiters[posOf[d.index]].add(inv);
        waitingForMemory++;
    }

    /** The oldest invocation waiting on {@code d} for memory, or null (the engine retries them in order). */
    Invocation nextMemoryWaiter(Device d) {
        return waitingForMemory == 0 ? null : memoryWaiters[posOf[d.index]].peek();
    }

    /** The oldest invocation waiting on {@code d} for memory got it. */
    void memoryWaiterPlaced(Device d) {
        memoryWaiters[posOf[d.index]].poll();
        waitingForMemory--;
    }

    @Override
    public long nowUs() {
        return engine.timeUs();
    }

    @Override
    public List<FunctionSpec> functions() {
        return engine.functions();
    }

    @Override
    public Timer timer(LongConsumer action) {
        return new WakeTimer(engine.time(), t -> {
            action.accept(t);
            engine.dispatcher().dispatch(this);
        });
    }

    @Override
    public PolicyStats stats() {
        return new PolicyStats() {
            @Override
            public void addMetric(String name, LongSupplier count) {
                engine.metrics().addPolicyMetric(name, count);
            }

            @Override
            public void addObjective(Predicate<Invocation> met) {
                engine.metrics().addObjective(!gpu, met);
            }
        };
    }

    @Override
    public void flowStateChanged(int fn, FlowState from, FlowState to) {
        engine.flowStateChanged(this, fn, from, to);
    }

    @Override
    public int dMax() {
        return devices.get(0).dMax();
    }

    @Override
    public double serviceEstimateMs(int fn) {
        return engine.estimator().serviceEstimateMs(fn);
    }

    @Override
    public double startEstimateMs(int fn) {
        return engine.estimator().durationIfStartedNowMs(fn, this);
    }

    @Override
    public boolean hasWarmContainer(int fn, Device device) {
        var c = device.idleContainerOf(fn);
        return c != null && c.location() == MemoryLocation.DEVICE;
    }

    @Override
    public double meanIatUs(int fn) {
        return engine.meanIatUs(fn);
    }

    @Override
    public List<Device> devices() {
        return devices;
    }

    @Override
    public long finishIfStartedNowUs(Invocation inv) {
        return engine.estimator().finishIfStartedNowUs(inv, kind());
    }

    @Override
    public double pricePerSecond() {
        return engine.estimator().pricePerSecond(kind());
    }

    /** The kind of device this side serves, as placement names it. */
    Target kind() {
        return gpu ? Target.GPU : Target.CPU;
    }

    /** Queue and running work (ms) not yet done, at {@code nowMs}. */
    double backlogMs(double nowMs) {
        return queuedWorkMs + Math.max(0, runningEndMs - running * nowMs);
    }

    boolean hasFreeToken() {
        for (int k = 0; k < levels.length - 1; k++) {
            for (int i = nextInLevel(k, 0); i >= 0; i = nextInLevel(k, i + 1))
                if (devices.get(i).hasToken()) return true;
        }
        return false;
    }

    /** Takes a token of {@code d} (a device of this side); its gate counts the grant. */
    void take(Device d) {
        d.gate.granted(engine.timeUs(), d.inFlight());
        int pos = posOf[d.index];
        levels[d.inFlight()][pos >>> 6] &= ~(1L << pos);
        d.takeToken();
        levels[d.inFlight()][pos >>> 6] |= 1L << pos;
    }

    /** Gives a token of {@code d} back. */
    void give(Device d) {
        d.gate.released(engine.timeUs(), d.inFlight());
        int pos = posOf[d.index];
        levels[d.inFlight()][pos >>> 6] &= ~(1L << pos);
        d.giveToken();
        levels[d.inFlight()][pos >>> 6] |= 1L << pos;
    }

    /** Number of levels: devices hold 0 .. levels() - 1 tokens. */
    int levels() {
        return levels.length;
    }

    /** The lowest position at or after {@code from} of a device holding {@code k} tokens, or -1. */
    int nextInLevel(int k, int from) {
        long[] words = levels[k];
        int w = from >>> 6;
        if (w >= words.length) return -1;
        long bits = words[w] & (-1L << from);
        while (true) {
            if (bits != 0) return (w << 6) + Long.numberOfTrailingZeros(bits);
            if (++w == words.length) return -1;
            bits = words[w];
        }
    }
}
