package gpufaas.engine.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.policy.FlowState;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.policy.PolicyContext;

import java.util.List;

/**
 * One policy instance with the devices it serves (the GPUs, or the CPU pool) and its context. It
 * owns the side's accounting: its devices' tokens (kept by level for the dispatch loop), the
 * estimated work queued and running (for finish estimates), and per device the invocations that
 * hold a token but wait for memory (memory mode none).
 */
final class Side implements PolicyContext {
    final Engine engine;
    final Policy policy;
    final List<Device> devices;
    final boolean gpu;
    private long wakePendingAt = Long.MAX_VALUE;
    /** estimated service (ms) of the invocations waiting in this side's queues */
    private double queuedWorkMs;
    /** Σ (dispatch time + planned service) in ms over the invocations running here, and their count */
    private double runningEndMs;
    private int running;
    /** per device position: invocations holding a token of that device while they wait for memory */
    private final java.util.ArrayDeque<gpufaas.engine.model.Invocation>[] memoryWaiters;
    final int tokens;
    /** device positions in {@link #devices} by tokens held: bit i of levels[k] = device i has k invocations in flight */
    private final long[][] levels;
    private final int[] posOf;

    Side(Engine engine, Policy policy, List<Device> devices, boolean gpu) {
        this.engine = engine;
        this.policy = policy;
        this.devices = List.copyOf(devices);
        this.gpu = gpu;
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
        java.util.ArrayDeque<gpufaas.engine.model.Invocation>[] w = new java.util.ArrayDeque[this.devices.size()];
        for (int i = 0; i < w.length; i++) w[i] = new java.util.ArrayDeque<>();
        this.memoryWaiters = w;
        policy.attach(this);
    }

    // ------------------------------------------------------------------ work accounting

    /** {@code inv} joins this side's queues with its planned service (ms). */
    void enqueue(gpufaas.engine.model.Invocation inv) {
        queuedWorkMs += inv.plannedMs;
        policy.enqueue(inv);
    }

    /** {@code inv} leaves the queues without running (dropped at dispatch). */
    void unqueued(gpufaas.engine.model.Invocation inv) {
        queuedWorkMs -= inv.plannedMs;
    }

    /** {@code inv} leaves the queues and starts running at {@code nowUs}. */
    void running(gpufaas.engine.model.Invocation inv, long nowUs) {
        queuedWorkMs -= inv.plannedMs;
        runningEndMs += nowUs / 1000.0 + inv.plannedMs;
        running++;
    }

    /** {@code inv}, dispatched at {@code inv.dispatchUs}, stops running. */
    void ended(gpufaas.engine.model.Invocation inv) {
        runningEndMs -= inv.dispatchUs / 1000.0 + inv.plannedMs;
        running--;
    }

    /** Estimated service (ms) of the invocations waiting in this side's queues. */
    double queuedWorkMs() { return queuedWorkMs; }

    // ------------------------------------------------------------------ invocations waiting for memory

    /** true when {@code d} can take a new invocation: a token free and nobody waiting there for memory. */
    boolean canTake(Device d) {
        return d.hasToken() && memoryWaiters[posOf[d.index]].isEmpty();
    }

    /** {@code inv} holds a token of {@code d} and waits there for memory. */
    void waitForMemory(gpufaas.engine.model.Invocation inv, Device d) {
        memoryWaiters[posOf[d.index]].add(inv);
    }

    /** The invocations waiting on {@code d} for memory, oldest first (the engine retries them). */
    java.util.ArrayDeque<gpufaas.engine.model.Invocation> memoryWaiters(Device d) {
        return memoryWaiters[posOf[d.index]];
    }

    @Override
    public long nowUs() { return engine.nowUs(); }

    @Override
    public List<FunctionSpec> functions() { return engine.functions(); }

    @Override
    public void wakeAt(long atUs) {
        long now = engine.nowUs();
        if (wakePendingAt > now && wakePendingAt <= atUs) return; // an earlier wake will re-arm
        wakePendingAt = atUs;
        engine.time().schedule(atUs, t -> {
            if (wakePendingAt == t) wakePendingAt = Long.MAX_VALUE;
            policy.onWake(t);
            engine.dispatch(this);
        });
    }

    @Override
    public void flowStateChanged(int fn, FlowState from, FlowState to) {
        engine.flowStateChanged(this, fn, from, to);
    }

    @Override
    public int dMax() { return devices.get(0).dMax(); }

    @Override
    public double serviceEstimateMs(int fn) { return engine.serviceEstimateMs(fn); }

    @Override
    public double startEstimateMs(int fn) { return engine.durationIfStartedNowMs(fn, this); }

    @Override
    public boolean hasWarmContainer(int fn, Device device) {
        var c = device.idleContainerOf(fn);
        return c != null && c.location() == gpufaas.engine.device.MemoryLocation.DEVICE;
    }

    @Override
    public double meanIatUs(int fn) { return engine.meanIatUs(fn); }

    @Override
    public List<Device> devices() { return devices; }

    @Override
    public long finishIfStartedNowUs(gpufaas.engine.model.Invocation inv) {
        return engine.estimates().finishIfStartedNowUs(inv, kind());
    }

    @Override
    public double pricePerSecond() {
        return engine.estimates().pricePerSecond(kind());
    }

    /** The kind of device this side serves, as placement names it. */
    gpufaas.engine.placement.Target kind() {
        return gpu ? gpufaas.engine.placement.Target.GPU : gpufaas.engine.placement.Target.CPU;
    }

    /** Queue and running work (ms) not yet done, at {@code nowMs}. */
    double backlogMs(double nowMs) {
        return queuedWorkMs + Math.max(0, runningEndMs - running * nowMs);
    }

    boolean hasFreeToken() {
        for (int k = 0; k < levels.length - 1; k++) {
            for (int i = nextInLevel(k, 0); i >= 0; i = nextInLevel(k, i + 1)) if (devices.get(i).hasToken()) return true;
        }
        return false;
    }

    /** Takes a token of {@code d} (a device of this side); its gate counts the grant. */
    void take(Device d) {
        d.gate.granted(engine.nowUs(), d.inFlight());
        int pos = posOf[d.index];
        levels[d.inFlight()][pos >>> 6] &= ~(1L << pos);
        d.takeToken();
        levels[d.inFlight()][pos >>> 6] |= 1L << pos;
    }

    /** Gives a token of {@code d} back. */
    void give(Device d) {
        d.gate.released(engine.nowUs(), d.inFlight());
        int pos = posOf[d.index];
        levels[d.inFlight()][pos >>> 6] &= ~(1L << pos);
        d.giveToken();
        levels[d.inFlight()][pos >>> 6] |= 1L << pos;
    }

    /** Number of levels: devices hold 0 .. levels() - 1 tokens. */
    int levels() { return levels.length; }

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
