package gpufaas.bench;

import gpufaas.engine.device.Device;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.param.Params;
import gpufaas.engine.policy.FlowState;
import gpufaas.engine.policy.Policy;
import gpufaas.engine.policy.PolicyContext;
import gpufaas.engine.policy.PolicyFactory;
import gpufaas.engine.policy.PolicyRegistry;
import gpufaas.engine.policy.PolicyStats;
import gpufaas.engine.registry.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One dispatch decision of a policy with every flow backlogged: choose and pop the next invocation,
 * report its completion, and enqueue a new arrival of a random function so the queues stay in a
 * steady state. Measures the policy's own cost (no devices or backend).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DispatchDecisionBenchmark {

    @Param({"24", "1000", "10000"})
    public int flows;

    @Param({"mqfq-sticky", "mqfq", "fcfs", "paella-sjf", "batch", "sjf"})
    public String policy;

    private Policy p;
    private List<FunctionSpec> fns;
    private SplittableRandom rnd;
    private long ids;
    private long now;
    private int[] picks;
    private int pick;

    @Setup(Level.Trial)
    public void setUp() {
        rnd = new SplittableRandom(42);
        fns = new ArrayList<>();
        for (int i = 0; i < flows; i++) {
            fns.add(FunctionSpec.gpu(i, "f" + i, 10 + rnd.nextDouble() * 1000, 2000, 1000));
        }
        Entry<PolicyFactory> d = PolicyRegistry.find(policy, "bench");
        p = d.factory().create(new Context(fns), Params.resolve(d.params(), Map.of(), "bench"));
        for (int i = 0; i < flows * 4; i++) p.enqueue(new Invocation(ids++, fns.get(i % flows), now));
        picks = new int[1 << 16];
        for (int i = 0; i < picks.length; i++) picks[i] = rnd.nextInt(flows);
    }

    @Benchmark
    public Invocation decision() {
        now += 10;
        Invocation inv = p.next(null);
        p.completed(inv);
        p.enqueue(new Invocation(ids++, fns.get(picks[pick++ & (picks.length - 1)]), now));
        return inv;
    }

    /** A minimal policy context: fixed estimates, no timers, no devices. */
    static final class Context implements PolicyContext {
        private final List<FunctionSpec> fns;
        long now;

        Context(List<FunctionSpec> fns) {
            this.fns = fns;
        }

        @Override
        public long nowUs() {
            return now;
        }

        @Override
        public List<FunctionSpec> functions() {
            return fns;
        }

        @Override
        public Timer timer(LongConsumer action) {
            return atUs -> {};
        }

        @Override
        public void flowStateChanged(int fn, FlowState from, FlowState to) {}

        @Override
        public int dMax() {
            return 2;
        }

        @Override
        public double serviceEstimateMs(int fn) {
            return fns.get(fn).gpuWarmMs();
        }

        @Override
        public double startEstimateMs(int fn) {
            return fns.get(fn).gpuWarmMs();
        }

        @Override
        public boolean hasWarmContainer(int fn, Device device) {
            return false;
        }

        @Override
        public double meanIatUs(int fn) {
            return 1e6;
        }

        @Override
        public List<Device> devices() {
            return List.of();
        }

        @Override
        public long finishIfStartedNowUs(Invocation inv) {
            return 0;
        }

        @Override
        public double pricePerSecond() {
            return 0;
        }

        @Override
        public PolicyStats stats() {
            return new PolicyStats() {
                @Override
                public void addMetric(String name, LongSupplier count) {}

                @Override
                public void addObjective(Predicate<Invocation> met) {}
            };
        }
    }
}
