package gpufaas.backend.sim;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.admission.AdmissionRegistry;
import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.model.ArrayArrivals;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.Workload;
import gpufaas.engine.placement.PlacementRegistry;
import gpufaas.engine.policy.PolicyRegistry;
import gpufaas.engine.policy.mqfq.MqfqPolicy;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.GpuSetup;
import gpufaas.engine.run.TimeSeriesRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered policy keeps, over random workloads, hardware, admission controls
 * and placements (seeded, so a failure names the seed that reproduces it): every arrived
 * invocation ends exactly once (a rejected or dropped one with its reason), tokens
 * and pool sizes are never exceeded, no idle container holds device memory while the device is
 * oversubscribed, memory never exceeds capacity unless the device is marked oversubscribed at that
 * moment, engine time and MQFQ's virtual time never go backwards, the engine's own invariants hold
 * after every event, and the time series obeys Little's law: the integral of the number of
 * invocations in the system (its mean_in_system × interval length) equals the sum of their
 * end-to-end times.
 */
class PolicyContractTest {
    static final int SEEDS = 25;

    static Stream<Arguments> cases() {
        List<Arguments> l = new ArrayList<>();
        for (String name : PolicyRegistry.registry().names()) {
            for (int seed = 1; seed <= SEEDS; seed++) l.add(Arguments.of(name, seed));
        }
        return l.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("cases")
    void randomWorkload_keepsTheContract(String policy, int seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 7919L + policy.hashCode());
        int nf = 1 + rnd.nextInt(8);
        List<FunctionSpec> fns = new ArrayList<>();
        boolean cpuVersions = rnd.nextBoolean();
        for (int i = 0; i < nf; i++) {
            double warm = 5 + rnd.nextDouble() * 400;
            double cold = warm + rnd.nextDouble() * 800;
            double mem = rnd.nextInt(4) == 0 ? 0 : 100 + rnd.nextDouble() * 3000;
            double cpu = cpuVersions ? warm * (0.5 + rnd.nextDouble() * 10) : Double.NaN;
            double slo = rnd.nextBoolean() ? warm * (1 + rnd.nextDouble() * 20) : Double.NaN;
            fns.add(new FunctionSpec(
                    i,
                    "f" + i,
                    warm,
                    cold,
                    mem,
                    cpu,
                    cpuVersions ? cpu * 1.5 : Double.NaN,
                    0.5 + rnd.nextDouble() * 2,
                    slo));
        }
        int n = 50 + rnd.nextInt(300);
        long[] t = new long[n];
        int[] f = new int[n];
        long now = 0;
        for (int k = 0; k < n; k++) {
            now += rnd.nextInt(5) == 0 ? 0 : (long) (rnd.nextDouble() * 300_000);
            t[k] = now;
            f[k] = rnd.nextInt(nf);
        }
        Workload w = new Workload("random", fns, () -> new ArrayArrivals(t, f));
        String memory = List.of("prefetch+swap", "prefetch-only", "uvm", "none").get(rnd.nextInt(4));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("D", Integer.toString(1 + rnd.nextInt(4)));
        params.put("pool", Integer.toString(1 + rnd.nextInt(6)));
        params.put("memory", memory);
        params.put("util", rnd.nextBoolean() ? "0" : Integer.toString(50 + rnd.nextInt(50)));
        if (policy.startsWith("mqfq")) {
            params.put("T", Double.toString(rnd.nextDouble() * 3));
            params.put("ttl", rnd.nextBoolean() ? rnd.nextInt(3) + "s" : (rnd.nextDouble() * 3) + "xIAT");
        }
        boolean mps = rnd.nextInt(3) == 0;
        if (mps) params.put("mps_fail", "0.02");
        int gpus = 1 + rnd.nextInt(3);
        boolean mig = rnd.nextInt(4) == 0;
        int cpuCores = cpuVersions && rnd.nextBoolean() ? 1 + rnd.nextInt(4) : 0;
        var placements = PlacementRegistry.all();
        String placement = cpuCores > 0
                ? placements.get(2 + rnd.nextInt(placements.size() - 2)).name()
                : "gpu-only";
        var admissions = AdmissionRegistry.all();
        String admission = admissions.get(rnd.nextInt(admissions.size())).name();
        DeviceProfile p = Recorder.ref(memory.equals("none") ? 16000 : 4000 + rnd.nextInt(8000));
        EngineConfig cfg = EngineConfig.resolve(
                policy,
                admission,
                placement,
                params,
                new GpuSetup(p, gpus, mig ? "half" : null, mps, cpuCores),
                seed,
                "test");
        Checker checker = new Checker(memory, Integer.parseInt(params.get("pool")));
        List<TimeSeriesRow> rows = new ArrayList<>();
        Engine e = Simulation.engine(cfg, w, checker, rows::add);
        checker.engine = e;
        long lastTime = 0;
        double lastV = 0;
        while (e.step()) {
            assertThat(e.timeUs()).as("time non-decreasing").isGreaterThanOrEqualTo(lastTime);
            lastTime = e.timeUs();
            e.checkInvariants();
            checker.checkAll();
            if (e.gpuPolicy() instanceof MqfqPolicy m) {
                assertThat(m.virtualTime()).as("virtual time non-decreasing").isGreaterThanOrEqualTo(lastV);
                lastV = m.virtualTime();
            }
        }
        assertThat(checker.ended).as("every invocation ended once").hasSize(n);
        assertThat(checker.ended.values()).allMatch(c -> c == 1);
        assertThat(checker.arrived).isEqualTo(n);
        for (Invocation inv : checker.finished) {
            if (inv.outcome == Outcome.COMPLETED) {
                assertThat(inv.dispatchUs).isGreaterThanOrEqualTo(inv.arrivalUs);
                assertThat(inv.startUs).isGreaterThanOrEqualTo(inv.dispatchUs);
                assertThat(inv.endUs).isGreaterThanOrEqualTo(inv.startUs);
            } else if (inv.outcome == Outcome.FAILED) {
                assertThat(mps).as("failures only from injected MPS crashes").isTrue();
            } else {
                assertThat(inv.reason)
                        .as("a rejected or dropped invocation says why")
                        .isNotBlank();
                if (inv.outcome == Outcome.DROPPED) assertThat(admission).isEqualTo("drop-late");
            }
        }
        var s = e.metrics();
        assertThat(s.completed() + s.failed() + s.rejected() + s.dropped()).isEqualTo(n);
        assertThat(e.parked()).isZero();
        littlesLaw(rows, e.devices().get(0).name, checker.finished);
    }

    /** Σ over the first device's rows of mean_in_system × interval = Σ end-to-end times (µs). */
    static void littlesLaw(List<TimeSeriesRow> rows, String device, List<Invocation> ended) {
        double area = 0;
        double last = 0;
        for (var r : rows) {
            if (!r.device().equals(device)) continue;
            area += r.meanInSystem() * (r.timeS() - last) * 1e6;
            last = r.timeS();
        }
        double sum = 0;
        for (Invocation inv : ended) sum += inv.e2eUs();
        assertThat(area)
                .as("Little's law: time-integral of invocations in the system vs their total time")
                .isCloseTo(sum, Assertions.within(1e-6 * Math.max(1, sum) + 1));
    }

    /** Checks capacities at every dispatch and container event, and counts endings. */
    static final class Checker implements EngineListener {
        final String memory;
        final int pool;
        Engine engine;
        long arrived;
        final Map<Long, Integer> ended = new HashMap<>();
        final List<Invocation> finished = new ArrayList<>();

        Checker(String memory, int pool) {
            this.memory = memory;
            this.pool = pool;
        }

        @Override
        public void arrived(Invocation inv) {
            arrived++;
        }

        @Override
        public void finished(Invocation inv) {
            ended.merge(inv.id, 1, Integer::sum);
            finished.add(inv);
        }

        @Override
        public void dispatched(Invocation inv, Device d) {
            assertThat(d.inFlight()).as("tokens on " + d.name).isLessThanOrEqualTo(d.dMax());
            checkMemory(d, "dispatch of " + inv);
        }

        @Override
        public void containerCreated(Container c) {
            Device d = c.device;
            // the pool may only overflow while every container on the device is busy
            if (d.containerCount() > d.poolCapacity()) {
                assertThat(d.idleContainers())
                        .as("pool overflow with idle containers on " + d.name)
                        .isZero();
            }
            checkMemory(d, "creation of " + c);
        }

        /** After every event: the memory rule on every device. */
        void checkAll() {
            for (Device d : engine.devices()) checkMemory(d, "t=" + engine.timeUs() + "us");
        }

        private void checkMemory(Device d, String when) {
            if (d.kind != DeviceKind.GPU) return;
            if (memory.equals("none")) {
                assertThat(d.usedMb()).as("memory on " + d.name).isLessThanOrEqualTo(d.memoryMb + 1e-6);
            }
            if (d.usedMb() > d.memoryMb + 1e-6) {
                assertThat(d.oversubscribed())
                        .as(d.name + " above capacity (" + d.usedMb() + " of " + d.memoryMb
                                + " MB) without being marked oversubscribed, at " + when)
                        .isTrue();
                for (Container c : d.containers()) {
                    if (!c.busy() && c.ready() && c.location() == MemoryLocation.DEVICE && c.memMb() > 0) {
                        throw new AssertionError(d.name + " oversubscribed (" + d.usedMb() + " of " + d.memoryMb
                                + " MB) while idle " + c + " keeps its memory, at " + when);
                    }
                }
            }
        }
    }
}
