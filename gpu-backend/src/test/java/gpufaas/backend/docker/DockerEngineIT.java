package gpufaas.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Outcome;
import gpufaas.engine.model.StartType;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.RunResult;
import gpufaas.engine.time.WallClockTimeSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Docker backend against a real engine: cold then warm starts measured, eviction from a full
 * pool, a killed container and a timed-out exec recorded as failed, an engine that goes away
 * mid-run, and no container left behind — also after the process that made them was killed.
 * Skipped, with the reason, where no engine answers.
 */
@Tag("docker")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DockerEngineIT {
    static final FunctionSpec A = FunctionSpec.gpu(0, "fn-a", 50, 400, 1000);
    static final FunctionSpec B = FunctionSpec.gpu(1, "fn-b", 50, 400, 1000);
    static DockerClient docker;

    @BeforeAll
    static void engine() {
        DockerTestSupport.assumeDocker();
        docker = DockerConnection.open();
    }

    @AfterAll
    static void close() throws Exception {
        if (docker != null) docker.close();
    }

    /** Records what ends and what the pool removes. */
    static final class Rec implements EngineListener {
        final List<Invocation> done = Collections.synchronizedList(new ArrayList<>());
        final List<String> removed = Collections.synchronizedList(new ArrayList<>());
        volatile Runnable onStart;

        @Override
        public void finished(Invocation inv) {
            done.add(inv);
        }

        @Override
        public void containerRemoved(Container c, boolean evicted) {
            removed.add(c.function.name() + (evicted ? " evicted" : " removed"));
        }

        @Override
        public void started(Invocation inv, Device d) {
            Runnable r = onStart;
            if (r != null) r.run();
        }

        Invocation byId(long id) {
            synchronized (done) {
                return done.stream().filter(i -> i.id == id).findFirst().orElseThrow();
            }
        }
    }

    private static RunResult run(DockerBackend b, EngineConfig cfg, Workload w, Rec rec) {
        try (b) {
            return new Engine(cfg, w, b, new WallClockTimeSource(), rec, null).run();
        }
    }

    private static List<String> containersOf(String runId) {
        return docker
                .listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(DockerLabels.RUN, runId))
                .exec()
                .stream()
                .map(com.github.dockerjava.api.model.Container::getId)
                .toList();
    }

    @Test
    void aColdStartCreatesAContainerAndLaterInvocationsExecInIt() {
        DockerBackend b = DockerBackend.open(DockerOptions.DEFAULTS, List.of(A));
        List<DockerBackend.ExecTiming> timings = Collections.synchronizedList(new ArrayList<>());
        b.onTimings(timings::add);
        Rec rec = new Rec();
        // memory none: the container keeps its (nominal) GPU memory, so a container that exists is a warm start
        RunResult r = run(
                b,
                DockerTestSupport.config("mqfq-sticky", "memory", "none"),
                DockerTestSupport.workload(List.of(A), 0, 0, 1500, 0, 2500, 0),
                rec);

        assertThat(r.complete()).as(String.valueOf(r.incompleteReason())).isTrue();
        assertThat(rec.done).hasSize(3).allMatch(i -> i.outcome == Outcome.COMPLETED);
        Invocation first = rec.byId(0);
        assertThat(first.startType).isEqualTo(StartType.COLD);
        assertThat(first.coldStart).isTrue();
        for (long id : new long[] {1, 2}) {
            Invocation warm = rec.byId(id);
            assertThat(warm.startType).isEqualTo(StartType.WARM);
            assertThat(warm.coldStart).isFalse();
            // the exec ran the function's 50 ms sleep
            assertThat(warm.endUs - warm.startUs).isGreaterThanOrEqualTo(50_000);
        }
        // the cold start's create + start was measured and came before the exec
        assertThat(first.startUs - first.dispatchUs).isPositive();
        assertThat(timings).hasSize(3);
        assertThat(timings.stream().filter(DockerBackend.ExecTiming::cold).toList())
                .singleElement()
                .satisfies(t -> assertThat(t.createStartNanos()).isPositive());
        assertThat(containersOf(b.runId()))
                .as("containers of the run after it ended")
                .isEmpty();
    }

    @Test
    void cpuWorkIsCalibratedAndRunsForAboutTheWarmTime() {
        FunctionSpec busy = FunctionSpec.gpu(0, "busy", 400, 800, 1000);
        DockerBackend b = DockerBackend.open(new DockerOptions("cpu", 64, 1, 16, 0, "off", Map.of()), List.of(busy));
        assertThat(b.notes()).anyMatch(n -> n.startsWith("cpu work calibrated: "));
        List<String> argv = b.command(busy, null);
        assertThat(argv.subList(0, 5)).containsExactly("/bin/busybox", "sh", "-c", BuiltinImage.CPU_SCRIPT, "fn");
        assertThat(Long.parseLong(argv.get(5))).isPositive();
        Rec rec = new Rec();
        RunResult r = run(
                b,
                DockerTestSupport.config("fcfs", "memory", "none"),
                DockerTestSupport.workload(List.of(busy), 0, 0, 100, 0),
                rec);
        assertThat(r.complete()).isTrue();
        assertThat(rec.done).hasSize(2).allSatisfy(i -> {
            assertThat(i.outcome).isEqualTo(Outcome.COMPLETED);
            // hashing for 400 ms on a calibrated rate: well above a bare exec, well below a timeout
            assertThat(i.endUs - i.startUs).isBetween(150_000L, 10_000_000L);
        });
    }

    @Test
    void aFullPoolEvictsTheLeastRecentlyUsedContainer() {
        DockerBackend b = DockerBackend.open(DockerOptions.DEFAULTS, List.of(A, B));
        Rec rec = new Rec();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        rec.onStart = () -> seen.add(containersOf(b.runId()).size());
        RunResult r = run(
                b,
                DockerTestSupport.config("fcfs", "pool", 1, "D", 1),
                DockerTestSupport.workload(List.of(A, B), 0, 0, 1500, 1, 3000, 0),
                rec);

        assertThat(r.complete()).isTrue();
        assertThat(rec.done).hasSize(3).allMatch(i -> i.outcome == Outcome.COMPLETED && i.coldStart);
        assertThat(rec.removed).containsExactly("fn-a evicted", "fn-b evicted");
        assertThat(seen).as("containers alive at each start, pool of one").allMatch(n -> n <= 2);
        assertThat(containersOf(b.runId())).isEmpty();
    }

    @Test
    void aContainerKilledDuringAnInvocationFailsItWithTheReason() throws Exception {
        FunctionSpec slow = FunctionSpec.gpu(0, "slow", 20_000, 20_400, 1000);
        DockerBackend b = DockerBackend.open(DockerOptions.DEFAULTS, List.of(slow));
        Rec rec = new Rec();
        Thread killer = Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 200; i++) {
                    List<String> ids = containersOf(b.runId());
                    if (!ids.isEmpty()
                            && !docker.listContainersCmd()
                                    .withLabelFilter(Map.of(DockerLabels.RUN, b.runId()))
                                    .exec()
                                    .isEmpty()) {
                        Thread.sleep(1500);
                        docker.killContainerCmd(ids.get(0)).exec();
                        return;
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        long t0 = System.nanoTime();
        RunResult r = run(b, DockerTestSupport.config("fcfs"), DockerTestSupport.workload(List.of(slow), 0, 0), rec);
        killer.join();

        assertThat((System.nanoTime() - t0) / 1e9)
                .as("seconds: ended at the kill, not after the 20 s sleep")
                .isLessThan(15);
        assertThat(r.complete()).isTrue();
        assertThat(rec.done).singleElement().satisfies(i -> {
            assertThat(i.outcome).isEqualTo(Outcome.FAILED);
            assertThat(i.reason).startsWith("container died during the invocation (exit 137");
        });
        assertThat(containersOf(b.runId())).isEmpty();
    }

    @Test
    void anExecPastItsTimeLimitFailsAndItsContainerIsRemoved() {
        FunctionSpec slow = FunctionSpec.gpu(0, "slow", 10_000, 10_400, 1000);
        DockerOptions opt = new DockerOptions("sleep", 256, 1, 64, 1.0, "auto", Map.of());
        DockerBackend b = DockerBackend.open(opt, List.of(slow));
        Rec rec = new Rec();
        RunResult r = run(b, DockerTestSupport.config("fcfs"), DockerTestSupport.workload(List.of(slow), 0, 0), rec);

        assertThat(r.complete()).isTrue();
        assertThat(rec.done).singleElement().satisfies(i -> {
            assertThat(i.outcome).isEqualTo(Outcome.FAILED);
            assertThat(i.reason).isEqualTo("exec timed out after 1.000 s (container removed)");
            assertThat(i.endUs - i.startUs).isBetween(1_000_000L, 5_000_000L);
        });
        assertThat(containersOf(b.runId())).isEmpty();
    }

    @Test
    void aFailingCommandIsRecordedWithItsExitStatusAndOutput() {
        FunctionSpec bad = FunctionSpec.gpu(0, "bad", 10, 400, 1000);
        FunctionImage img = new FunctionImage(
                BuiltinImage.ensure(docker),
                List.of("/bin/busybox", "sh", "-c", "echo broken input >&2; exit 3"),
                BuiltinImage.KEEP_ALIVE,
                Map.of());
        DockerBackend b =
                DockerBackend.open(new DockerOptions("sleep", 64, 1, 16, 0, "off", Map.of("bad", img)), List.of(bad));
        Rec rec = new Rec();
        RunResult r =
                run(b, DockerTestSupport.config("fcfs"), DockerTestSupport.workload(List.of(bad), 0, 0, 100, 0), rec);

        assertThat(r.complete()).isTrue();
        assertThat(rec.done).hasSize(2).allSatisfy(i -> {
            assertThat(i.outcome).isEqualTo(Outcome.FAILED);
            assertThat(i.reason).isEqualTo("exit status 3: broken input");
        });
    }

    @Test
    void aFunctionImageTheEngineDoesNotHaveIsRefusedBeforeTheRun() {
        FunctionSpec f = FunctionSpec.gpu(0, "mine", 10, 400, 1000);
        FunctionImage missing = new FunctionImage("gpufaas/no-such-image:0", List.of("true"), null, Map.of());
        Assertions.assertThatThrownBy(() -> DockerBackend.open(
                        new DockerOptions("sleep", 64, 1, 16, 0, "off", Map.of("mine", missing)), List.of(f)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("function 'mine': image 'gpufaas/no-such-image:0' is not on the Docker engine "
                        + "(the workbench pulls nothing: docker pull or build it first)");
    }

    @Test
    void anEngineThatGoesAwayEndsTheRunIncompleteWithNothingLost() throws Exception {
        try (SocketProxy proxy = SocketProxy.toLocalEngine()) {
            DockerBackend b = DockerBackend.open(DockerOptions.DEFAULTS, List.of(A), proxy.host());
            String runId = b.runId();
            Rec rec = new Rec();
            double[] arrivals = new double[2 * 40];
            for (int i = 0; i < 40; i++) arrivals[2 * i] = 150.0 * i;
            Thread cutter = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(2500);
                    proxy.cut();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long t0 = System.nanoTime();
            RunResult r = run(
                    b, DockerTestSupport.config("mqfq-sticky"), DockerTestSupport.workload(List.of(A), arrivals), rec);
            cutter.join();
            try {
                assertThat((System.nanoTime() - t0) / 1e9)
                        .as("seconds until the run stopped")
                        .isLessThan(30);
                assertThat(r.complete()).isFalse();
                assertThat(r.incompleteReason())
                        .contains("docker engine went away")
                        .contains("arrivals of the workload were not run");
                long completed = rec.done.stream()
                        .filter(i -> i.outcome == Outcome.COMPLETED)
                        .count();
                long failed = rec.done.stream()
                        .filter(i -> i.outcome == Outcome.FAILED)
                        .count();
                assertThat(completed).as("completed before the cut").isPositive();
                assertThat(failed).as("failed at or after the cut").isPositive();
                // every arrival that happened ended exactly once, completed or failed with a reason
                assertThat(rec.done.stream().map(i -> i.id).distinct().count()).isEqualTo(rec.done.size());
                assertThat(r.summary().counts().invocations()).isEqualTo(rec.done.size());
                assertThat(r.summary().counts().unfinished()).isZero();
                assertThat(rec.done)
                        .filteredOn(i -> i.outcome == Outcome.FAILED)
                        .allMatch(i -> i.reason != null && !i.reason.isBlank());
                String notRun =
                        r.incompleteReason().replaceAll(".*; (\\d+) arrivals of the workload were not run.*", "$1");
                assertThat(Long.parseLong(notRun) + rec.done.size()).isEqualTo(40);
            } finally {
                // the backend could not remove its container through the cut proxy; the real engine still has it
                for (String id : containersOf(runId))
                    docker.removeContainerCmd(id).withForce(true).exec();
            }
        }
    }

    @Test
    void containersOfAKilledWorkbenchProcessAreRemovedAtTheNextStart() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(
                        java, "-cp", System.getProperty("java.class.path"), LeftoverChild.class.getName())
                .redirectErrorStream(true)
                .start();
        String runId;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("child's first line").startsWith("run ");
            runId = line.substring(4).strip();
            assertThat(containersOf(runId)).hasSize(1);
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        // the killed process left its container behind; one of this process's own must survive the clean-up
        assertThat(containersOf(runId)).hasSize(1);
        // the next start of the backend removes it
        DockerBackend mine = DockerBackend.open(DockerOptions.DEFAULTS, List.of(A));
        try {
            assertThat(containersOf(runId)).isEmpty();
            assertThat(mine.notes())
                    .anyMatch(n ->
                            n.matches("removed \\d+ container\\(s\\) left behind by an earlier workbench process"));
            String own = docker.createContainerCmd(mine.builtinImage())
                    .withLabels(DockerLabels.of(mine.runId(), "own"))
                    .withCmd(BuiltinImage.KEEP_ALIVE)
                    .exec()
                    .getId();
            DockerLabels.removeLeftovers(docker);
            assertThat(containersOf(mine.runId()))
                    .as("a live process's container stays")
                    .containsExactly(own);
        } finally {
            mine.close();
        }
        assertThat(containersOf(mine.runId())).isEmpty();
    }
}
