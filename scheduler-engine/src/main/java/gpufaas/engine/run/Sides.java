package gpufaas.engine.run;

import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.placement.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The sides of a run that exist: the GPUs' and the CPU pool's, each one policy with its devices
 * (either may be null when the run has no such devices).
 */
record Sides(Side gpu, Side cpu, List<Side> all) {
    Sides(Side gpu, Side cpu) {
        this(gpu, cpu, both(gpu, cpu));
    }

    private static List<Side> both(Side gpu, Side cpu) {
        List<Side> all = new ArrayList<>(2);
        if (gpu != null) all.add(gpu);
        if (cpu != null) all.add(cpu);
        return List.copyOf(all);
    }

    /** The side serving {@code kind}, or null (no such devices, or REJECT). */
    Side of(Target kind) {
        return switch (kind) {
            case GPU -> gpu;
            case CPU -> cpu;
            case REJECT -> null;
        };
    }

    /** The side {@code d} belongs to. */
    Side of(Device d) {
        return d.kind == DeviceKind.CPU ? cpu : gpu;
    }

    /** Invocations waiting in the policies' queues. */
    int queued() {
        int q = 0;
        for (Side s : all) q += s.policy.queued();
        return q;
    }

    /** Invocations dispatched and not yet ended. */
    long running() {
        long n = 0;
        for (Side s : all) n += s.running();
        return n;
    }

    /** What waits in the queues of the policy that serves {@code d}. */
    int queuedFor(Device d) {
        Side s = of(d);
        return s == null ? 0 : s.policy.queued();
    }

    void checkInvariants() {
        for (Side s : all) s.policy.checkInvariants();
    }
}
