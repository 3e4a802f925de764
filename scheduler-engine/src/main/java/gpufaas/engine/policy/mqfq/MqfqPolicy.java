package gpufaas.engine.policy.mqfq;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.param.Ttl;
import gpufaas.engine.policy.FifoQueue;
import gpufaas.engine.policy.FlowState;
import gpufaas.engine.policy.FlowView;
import gpufaas.engine.policy.IndexedHeap;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.policy.PolicyContext;
import gpufaas.engine.policy.PolicySnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Multi-queue fair queueing over per-function flows (reference §2, §3). Flows are kept in three
 * indexed heaps so a decision costs O(log flows): all backlogged flows by start tag (its top is
 * V), the eligible ones (S − V ≤ T) by the selection rule, and the throttled ones by start tag
 * (promoted as V catches up). Tags are in virtual seconds of GPU time.
 */
public final class MqfqPolicy implements Policy {
    private final Selection selection;
    private final double overrun;
    private final Ttl ttl;

    private final PolicyContext ctx;
    private final PolicyContext.Timer ttlTimer;
    private final int n;
    private final FifoQueue[] queues;
    private final double[] s;
    private final double[] f;
    private final int[] inFlight;
    private final FlowState[] state;
    private final long[] lastServiced;
    private final long[] ttlDeadline;
    private final boolean[] used;
    private double v;
    private int previous = -1;
    private int queuedTotal;
    private final IndexedHeap byStart;
    private final IndexedHeap eligible;
    private final IndexedHeap throttled;
    private final IndexedHeap ttlTimers;

    public MqfqPolicy(PolicyContext ctx, Selection selection, double overrunSeconds, Ttl ttl) {
        this.selection = selection;
        this.overrun = overrunSeconds;
        this.ttl = ttl;
        this.ctx = ctx;
        this.ttlTimer = ctx.timer(this::expireTtls);
        n = ctx.functions().size();
        queues = new FifoQueue[n];
        for (int i = 0; i < n; i++) queues[i] = new FifoQueue();
        s = new double[n];
        f = new double[n];
        inFlight = new int[n];
        state = new FlowState[n];
        Arrays.fill(state, FlowState.INACTIVE);
        lastServiced = new long[n];
        ttlDeadline = new long[n];
        used = new boolean[n];
        byStart = new IndexedHeap((a, b) -> s[a] < s[b] || (s[a] == s[b] && a < b));
        throttled = new IndexedHeap((a, b) -> s[a] < s[b] || (s[a] == s[b] && a < b));
        ttlTimers = new IndexedHeap(
                (a, b) -> ttlDeadline[a] < ttlDeadline[b] || (ttlDeadline[a] == ttlDeadline[b] && a < b));
        eligible = new IndexedHeap(eligibleOrder(selection, ctx.dMax()));
    }

    private IndexedHeap.IdOrder eligibleOrder(Selection sel, int dMax) {
        return switch (sel) {
            case IN_FLIGHT_THEN_LONGEST ->
                dMax <= 1
                        ? this::longerQueue
                        : (a, b) -> {
                            if (inFlight[a] != inFlight[b]) return inFlight[a] < inFlight[b];
                            return longerQueue(a, b);
                        };
            case LONGEST -> this::longerQueue;
            case MIN_TAG_WARM, PREVIOUS -> (a, b) -> s[a] < s[b] || (s[a] == s[b] && a < b);
        };
    }

    private boolean longerQueue(int a, int b) {
        int la = queues[a].size();
        int lb = queues[b].size();
        if (la != lb) return la > lb;
        if (s[a] != s[b]) return s[a] < s[b];
        return a < b;
    }

    @Override
    public void enqueue(Invocation inv) {
        int fn = inv.fn();
        used[fn] = true;
        double svc = ctx.serviceEstimateMs(fn) / 1000.0;
        FifoQueue q = queues[fn];
        boolean wasEmpty = q.isEmpty();
        double sInv = Math.max(v, f[fn]);
        double fInv = sInv + svc / inv.function.weight();
        inv.startTag = sInv;
        inv.finishTag = fInv;
        q.add(inv);
        queuedTotal++;
        f[fn] = Math.max(f[fn], fInv);
        if (wasEmpty) {
            ttlTimers.remove(fn);
            s[fn] = sInv;
            byStart.add(fn);
            refreshVirtualTime();
            place(fn);
        } else if (eligible.contains(fn)) {
            eligible.update(fn);
        }
    }

    /** Puts a backlogged flow into the eligible or the throttled heap by S − V against T. */
    private void place(int fn) {
        if (s[fn] - v > overrun) {
            eligible.remove(fn);
            if (!throttled.contains(fn)) throttled.add(fn);
            setState(fn, FlowState.THROTTLED);
        } else {
            throttled.remove(fn);
            if (!eligible.contains(fn)) eligible.add(fn);
            else eligible.update(fn);
            setState(fn, FlowState.ACTIVE);
        }
    }

    private void refreshVirtualTime() {
        if (byStart.isEmpty()) return;
        double min = s[byStart.peek()];
        if (min > v) {
            v = min;
            while (!throttled.isEmpty() && s[throttled.peek()] - v <= overrun) {
                int fn = throttled.poll();
                eligible.add(fn);
                setState(fn, FlowState.ACTIVE);
            }
        }
    }

    private void setState(int fn, FlowState to) {
        FlowState from = state[fn];
        if (from != to) {
            state[fn] = to;
            ctx.flowStateChanged(fn, from, to);
        }
    }

    @Override
    public Invocation next(Device device) {
        if (eligible.isEmpty()) return null;
        int fn = choose(device);
        FifoQueue q = queues[fn];
        Invocation inv = q.poll();
        queuedTotal--;
        inFlight[fn]++;
        lastServiced[fn] = ctx.nowUs();
        previous = fn;
        eligible.remove(fn);
        if (q.isEmpty()) {
            byStart.remove(fn);
            s[fn] = f[fn];
            refreshVirtualTime();
        } else {
            s[fn] = q.peek().startTag;
            byStart.update(fn);
            refreshVirtualTime();
            place(fn);
        }
        return inv;
    }

    private int choose(Device device) {
        switch (selection) {
            case MIN_TAG_WARM -> {
                int best = -1;
                if (device != null) {
                    for (Container c : device.containers()) {
                        int cf = c.function.id();
                        if (c.busy() || !c.ready() || c.location() != MemoryLocation.DEVICE || !eligible.contains(cf))
                            continue;
                        if (best < 0 || s[cf] < s[best] || (s[cf] == s[best] && cf < best)) best = cf;
                    }
                }
                return best >= 0 ? best : eligible.peek();
            }
            case PREVIOUS -> {
                return previous >= 0 && eligible.contains(previous) ? previous : eligible.peek();
            }
            default -> {
                return eligible.peek();
            }
        }
    }

    @Override
    public void completed(Invocation inv) {
        int fn = inv.fn();
        inFlight[fn]--;
        long now = ctx.nowUs();
        lastServiced[fn] = now;
        if (eligible.contains(fn)) eligible.update(fn);
        if (queues[fn].isEmpty() && inFlight[fn] == 0) startTtl(fn, now);
    }

    private void startTtl(int fn, long now) {
        long t = ttl.micros(ctx.meanIatUs(fn));
        if (t <= 0) {
            setState(fn, FlowState.INACTIVE);
            return;
        }
        ttlDeadline[fn] = now + t;
        if (ttlTimers.contains(fn)) ttlTimers.update(fn);
        else ttlTimers.add(fn);
        ttlTimer.at(now + t);
    }

    /** The TTL timer fired at {@code now}: flows whose keep-alive ran out and that are still empty and idle turn Inactive. */
    private void expireTtls(long now) {
        while (!ttlTimers.isEmpty() && ttlDeadline[ttlTimers.peek()] <= now) {
            int fn = ttlTimers.poll();
            if (queues[fn].isEmpty() && inFlight[fn] == 0) setState(fn, FlowState.INACTIVE);
        }
        if (!ttlTimers.isEmpty()) ttlTimer.at(ttlDeadline[ttlTimers.peek()]);
    }

    @Override
    public int queued() {
        return queuedTotal;
    }

    /** Global virtual time V (virtual seconds). */
    public double virtualTime() {
        return v;
    }

    public FlowState state(int fn) {
        return state[fn];
    }

    public double startTag(int fn) {
        return s[fn];
    }

    @Override
    public PolicySnapshot snapshot() {
        List<FlowView> flows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!used[i]) continue;
            flows.add(new FlowView(
                    i, ctx.functions().get(i).name(), queues[i].size(), inFlight[i], state[i], s[i], f[i]));
        }
        return new PolicySnapshot(v, overrun, flows);
    }

    @Override
    public void checkInvariants() {
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += queues[i].size();
            boolean backlogged = !queues[i].isEmpty();
            if (backlogged != byStart.contains(i))
                throw new IllegalStateException("flow " + i + ": backlog and start heap disagree");
            if (backlogged && s[i] < v - 1e-9)
                throw new IllegalStateException("flow " + i + ": S " + s[i] + " below V " + v);
            if (backlogged && eligible.contains(i) == throttled.contains(i)) {
                throw new IllegalStateException("flow " + i + " must be exactly one of eligible/throttled");
            }
            if (eligible.contains(i) && s[i] - v > overrun + 1e-9)
                throw new IllegalStateException("flow " + i + " eligible beyond T");
            if (throttled.contains(i) && s[i] - v <= overrun)
                throw new IllegalStateException("flow " + i + " throttled within T");
            if (inFlight[i] < 0) throw new IllegalStateException("flow " + i + ": negative in-flight");
        }
        if (total != queuedTotal) throw new IllegalStateException("queued count " + queuedTotal + " != " + total);
    }

    @Override
    public String toString() {
        return "MqfqPolicy[" + selection + "]";
    }
}
