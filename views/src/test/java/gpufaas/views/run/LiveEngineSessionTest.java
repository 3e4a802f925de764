package gpufaas.views.run;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.backend.BackendCallbacks;
import gpufaas.engine.backend.ExecutionBackend;
import gpufaas.engine.device.Container;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.TimeSeriesSink;
import gpufaas.engine.time.WallClockTimeSource;
import gpufaas.views.TestPlanner;
import gpufaas.views.transport.Speed;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.Presets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A plan on a live backend plays on the wall clock in the window's engine thread: it runs to the
 * end on its own, refuses pause, step and speed with a message, and Reset aborts it and releases
 * the backend. The backend here is a stand-in with real threads (the Docker one is tested in
 * gpu-backend and app against a real engine).
 */
class LiveEngineSessionTest {

    /** Containers start in 20 ms and every execution takes 30 ms, reported from a timer thread. */
    static final class ThreadedBackend implements ExecutionBackend {
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        final AtomicInteger executed = new AtomicInteger();
        volatile boolean closed;
        volatile String aborted;
        BackendCallbacks cb;
        WallClockTimeSource wall;

        @Override
        public String name() {
            return "docker";
        }

        @Override
        public void attach(BackendCallbacks callbacks) {
            cb = callbacks;
            wall = (WallClockTimeSource) callbacks.time();
        }

        @Override
        public void createContainer(Container c, Invocation inv) {
            timer.schedule(() -> wall.post(now -> cb.containerReady(c, inv)), 20, TimeUnit.MILLISECONDS);
        }

        @Override
        public void execute(Invocation inv, Container c) {
            timer.schedule(
                    () -> wall.post(now -> {
                        executed.incrementAndGet();
                        cb.executed(inv, c);
                    }),
                    30,
                    TimeUnit.MILLISECONDS);
        }

        @Override
        public void moveMemory(Container c, boolean toDevice) {
            wall.post(now -> cb.memoryMoved(c, toDevice));
        }

        @Override
        public void destroyContainer(Container c) {}

        @Override
        public void close() {
            closed = true;
            timer.shutdownNow();
        }
    }

    static final class LiveFactory implements EngineFactory {
        volatile ThreadedBackend last;

        @Override
        public Engine create(EngineConfig config, Workload workload, EngineListener listener, TimeSeriesSink series) {
            throw new AssertionError("a live plan must not be simulated");
        }

        @Override
        public Engine createLive(RunPlan plan, Workload workload, EngineListener listener) {
            last = new ThreadedBackend();
            return new Engine(plan.config(), workload, last, new WallClockTimeSource(), listener, TimeSeriesSink.NONE);
        }
    }

    private static RunPlan livePlan(double seconds) {
        ExperimentSpec s = Presets.spec("teaching-3");
        ExperimentSpec live = new ExperimentSpec(
                s.name(),
                s.description(),
                s.seed(),
                seconds,
                s.workload(),
                s.devices(),
                s.policy(),
                s.admission(),
                s.placement(),
                s.params(),
                "docker");
        return new TestPlanner().plan(live, null);
    }

    private static LiveSnapshot latest(EngineSession s) throws InterruptedException {
        assertThat(s.await(10, TimeUnit.SECONDS)).isTrue();
        return s.mailbox().latest();
    }

    @Test
    void aLivePlanPlaysToItsEndInRealTimeAndReleasesItsBackend() throws Exception {
        LiveFactory f = new LiveFactory();
        try (EngineSession s = new EngineSession(f)) {
            s.send(new EngineCommand.Load(livePlan(3)));
            LiveSnapshot ready = latest(s);
            Thread.sleep(1000); // time zero is when play starts, not when the run was loaded
            assertThat(ready.status()).isEqualTo(RunStatus.READY);
            assertThat(ready.message()).contains("live run on docker");
            long t0 = System.nanoTime();
            s.send(new EngineCommand.Play());
            s.send(new EngineCommand.Pause());
            s.send(new EngineCommand.SetSpeed(Speed.MAX));
            LiveSnapshot playing = latest(s);
            assertThat(playing.status()).as("pause does not apply").isEqualTo(RunStatus.PLAYING);
            assertThat(playing.message()).contains("plays in real time");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (s.status() != RunStatus.FINISHED && System.nanoTime() < deadline) Thread.sleep(20);
            double wallS = (System.nanoTime() - t0) / 1e9;
            LiveSnapshot end = latest(s);
            assertThat(end.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(end.summary().throughput().makespanS())
                    .as("3 s of arrivals, the last one near the end")
                    .isBetween(1.5, 10.0);
            assertThat(wallS)
                    .as("played in real time from play")
                    .isGreaterThanOrEqualTo(end.summary().throughput().makespanS())
                    .isLessThan(end.summary().throughput().makespanS() + 5);
            assertThat(end.summary().counts().invocations()).isPositive();
            assertThat(end.summary().counts().completed())
                    .isEqualTo(end.summary().counts().invocations());
            assertThat(f.last.executed.get())
                    .isEqualTo((int) end.summary().counts().completed());
            assertThat(f.last.closed).as("backend released at the end").isTrue();
        }
    }

    @Test
    void resetStopsALiveRunAndReleasesItsBackend() throws Exception {
        LiveFactory f = new LiveFactory();
        try (EngineSession s = new EngineSession(f)) {
            s.send(new EngineCommand.Load(livePlan(60)));
            s.send(new EngineCommand.Play());
            Thread.sleep(1500);
            ThreadedBackend first = f.last;
            s.send(new EngineCommand.Reset());
            LiveSnapshot after = latest(s);
            assertThat(first.closed).isTrue();
            assertThat(f.last).isNotSameAs(first);
            assertThat(after.status()).isEqualTo(RunStatus.READY);
            assertThat(after.timeUs()).isZero();
        }
    }
}
