package gpufaas.backend.sim;

import gpufaas.engine.backend.BackendCallbacks;
import gpufaas.engine.backend.ExecutionBackend;
import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.ExecutionModel;
import gpufaas.engine.device.Residency;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.time.Scheduled;
import gpufaas.engine.time.SeededStreams;
import gpufaas.engine.time.TimeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated devices (docs/model.md): it charges exactly what the engine's {@link ExecutionModel}
 * says. A container start takes the model's container start; an execution's work is the model's
 * work, k invocations executing on one device progressing at 1/factor(k) of their speed each
 * (processor sharing); moves (prefetches, swap-outs and demand paging) occupy the physical GPU's
 * host link one after another, at the prefetch rate or, for demand paging, the fault rate.
 */
public final class SimulatedBackend implements ExecutionBackend {
    private final EngineConfig cfg;
    private final ExecutionModel model;
    private final double mpsFailureRate;
    private final SplittableRandom failures;
    private BackendCallbacks cb;
    private TimeSource ts;
    private DeviceRun[] runs = new DeviceRun[0];
    /** per physical GPU: when its host link is free again */
    private long[] linkFreeAt = new long[1];

    public SimulatedBackend(EngineConfig cfg) {
        this.cfg = cfg;
        this.model = cfg.executionModel();
        this.mpsFailureRate = cfg.mpsFailureRate();
        this.failures = new SeededStreams(cfg.seed()).stream("sim/mps-failures");
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public void attach(BackendCallbacks callbacks) {
        this.cb = callbacks;
        this.ts = callbacks.time();
    }

    @Override
    public void createContainer(Container c, Invocation inv) {
        long done = ts.nowUs() + model.containerStartUs(c.device, c.function, c.shared());
        ts.schedule(done, now -> {
            if (!c.destroyed()) cb.containerReady(c, inv);
        });
    }

    @Override
    public void execute(Invocation inv, Container c) {
        Device d = c.device;
        DeviceRun run = run(d);
        double work = model.workUs(d, c.function, Residency.oversubscribed(d));
        run.add(new Exec(inv, c, work), ts.nowUs());
        if (d.mps && mpsFailureRate > 0 && failures.nextDouble() < mpsFailureRate) {
            long crashAt = ts.nowUs() + (long) (failures.nextDouble() * work);
            ts.schedule(crashAt, now -> crash(d, inv));
        }
    }

    private DeviceRun run(Device d) {
        if (d.index >= runs.length) runs = Arrays.copyOf(runs, Math.max(d.index + 1, runs.length * 2));
        DeviceRun r = runs[d.index];
        if (r == null) runs[d.index] = r = new DeviceRun(d);
        return r;
    }

    private void crash(Device d, Invocation culprit) {
        DeviceRun home = run(d);
        if (!home.contains(culprit)) return;
        List<Exec> victims = new ArrayList<>();
        for (DeviceRun r : runs) {
            if (r != null && r.device.physicalGpu == d.physicalGpu) victims.addAll(r.removeAll(ts.nowUs()));
        }
        for (Exec e : victims) {
            String why = e.inv == culprit
                    ? "mps client crashed"
                    : "mps co-failure: client " + culprit.function.name() + " inv#" + culprit.id + " crashed on "
                            + d.name;
            cb.failed(e.inv, e.container, why);
        }
    }

    @Override
    public void moveMemory(Container c, boolean toDevice) {
        move(c, toDevice, model.transferUs(c.device, c.memMb()));
    }

    @Override
    public void faultIn(Container c) {
        move(c, true, model.faultUs(c.device, c.memMb()));
    }

    /** A move of {@code dur} µs on the physical GPU's host link, after the moves queued before it. */
    private void move(Container c, boolean toDevice, long dur) {
        int gpu = c.device.physicalGpu;
        long now = ts.nowUs();
        if (gpu >= linkFreeAt.length) linkFreeAt = Arrays.copyOf(linkFreeAt, gpu + 1);
        long start = Math.max(now, linkFreeAt[gpu]);
        long done = start + dur;
        linkFreeAt[gpu] = done;
        ts.schedule(done, t -> cb.memoryMoved(c, toDevice));
    }

    @Override
    public void destroyContainer(Container c) {
        // nothing to free in simulation; the engine's ledger already forgot it
    }

    /** An execution in progress. */
    static final class Exec {
        final Invocation inv;
        final Container container;
        double remainingUs;

        Exec(Invocation inv, Container container, double work) {
            this.inv = inv;
            this.container = container;
            this.remainingUs = work;
        }
    }

    /** The executions on one device under processor sharing, each at 1/factor(k) of its speed. */
    final class DeviceRun implements Scheduled {
        final Device device;
        private final List<Exec> running = new ArrayList<>();
        /** the executions a completion event ends, reused from one event to the next */
        private final List<Exec> done = new ArrayList<>(2);

        private long lastUs;
        /** time of the one completion event that counts; -1 when none is armed */
        private long armedAt = -1;

        DeviceRun(Device device) {
            this.device = device;
        }

        private double factor(int k) {
            return ExecutionModel.factor(device, k);
        }

        private void progress(long now) {
            if (now > lastUs && !running.isEmpty()) {
                double f = factor(running.size());
                double done = (now - lastUs) / f;
                for (int i = 0, n = running.size(); i < n; i++) running.get(i).remainingUs -= done;
            }
            lastUs = now;
        }

        void add(Exec e, long now) {
            progress(now);
            running.add(e);
            reschedule(now);
        }

        boolean contains(Invocation inv) {
            for (Exec e : running) if (e.inv == inv) return true;
            return false;
        }

        List<Exec> removeAll(long now) {
            progress(now);
            List<Exec> out = new ArrayList<>(running);
            running.clear();
            armedAt = -1;
            return out;
        }

        private void reschedule(long now) {
            if (running.isEmpty()) {
                armedAt = -1;
                return;
            }
            double min = Double.MAX_VALUE;
            for (int i = 0, n = running.size(); i < n; i++) min = Math.min(min, running.get(i).remainingUs);
            long at = now + (long) Math.ceil(Math.max(0, min) * factor(running.size()) - 1e-9);
            if (at == armedAt) return;
            armedAt = at;
            ts.schedule(at, this);
        }

        /** The armed completion event; stale ones (re-armed since) are ignored. */
        @Override
        public void fire(long t) {
            if (t != armedAt) return;
            armedAt = -1;
            completeDue(t);
        }

        private void completeDue(long now) {
            progress(now);
            done.clear();
            for (int i = 0; i < running.size(); i++) {
                Exec e = running.get(i);
                if (e.remainingUs <= 1e-6) {
                    done.add(e);
                    running.remove(i--);
                }
            }
            reschedule(now);
            // an ending starts others on this device (scheduled, never run from here), so the list stays as it is
            for (int i = 0, n = done.size(); i < n; i++) cb.executed(done.get(i).inv, done.get(i).container);
        }
    }
}
