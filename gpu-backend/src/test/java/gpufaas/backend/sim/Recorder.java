package gpufaas.backend.sim;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MemoryLocation;
import gpufaas.engine.device.MigProfile;
import gpufaas.engine.model.ArrayArrivals;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.model.Workload;
import gpufaas.engine.policy.FlowState;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.EngineListener;
import gpufaas.engine.run.GpuSetup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Test listener: records every finished invocation as a compact row and every memory move and state change. */
final class Recorder implements EngineListener {
    final List<Invocation> finished = new ArrayList<>();
    final List<String> moves = new ArrayList<>();
    final List<String> states = new ArrayList<>();
    final List<String> removals = new ArrayList<>();

    @Override
    public void finished(Invocation inv) {
        finished.add(inv);
    }

    @Override
    public void memoryMoved(Container c, MemoryLocation from, MemoryLocation to) {
        moves.add(c.function.name() + ":" + from + "->" + to);
    }

    @Override
    public void flowStateChanged(int fn, FlowState from, FlowState to, long nowUs) {
        states.add((nowUs / 1000) + "ms f" + fn + " " + from + "->" + to);
    }

    @Override
    public void containerRemoved(Container c, boolean evicted) {
        removals.add(c.function.name() + (evicted ? " evicted" : " removed"));
    }

    /** "name dispatch→start→end type device" in ms, sorted by invocation id. */
    List<String> schedule() {
        List<Invocation> l = new ArrayList<>(finished);
        l.sort((a, b) -> Long.compare(a.id, b.id));
        List<String> out = new ArrayList<>();
        for (Invocation i : l) {
            out.add(i.function.name() + "#" + i.id + " " + ms(i.dispatchUs) + "->" + ms(i.startUs) + "->" + ms(i.endUs)
                    + " " + (i.startType == null ? "-" : i.startType.label()) + " d" + i.device + " "
                    + i.outcome.label());
        }
        return out;
    }

    private static String ms(long us) {
        return us % 1000 == 0 ? Long.toString(us / 1000) : String.format(Locale.ROOT, "%.3f", us / 1000.0);
    }

    /** A reference device: speed 1, 10 GB/s link, no context memory, the V100 slowdown curve. */
    static DeviceProfile ref(double memoryMb) {
        return DeviceProfile.builder("ref")
                .description("test device")
                .memoryMb(memoryMb)
                .sms(80)
                .linkGBps(10.0)
                .faultGBps(5.0)
                .speed(1.0)
                .contextMemMb(0)
                .slowdown(1, 1.28, 1.58, 1.95, 2.475, 3.0)
                .mpsSlowdown(1, 1.12, 1.3, 1.55, 1.8, 2.1)
                .mpsSmSensitivity(0.5)
                .uvmOversubscribedFactor(1.4)
                .utilSampleMs(200)
                .migProfiles(List.of(new MigProfile("half", 1, 2, memoryMb / 2, 2)))
                .pricePerSecond(0.001)
                .build();
    }

    static EngineConfig config(String policy, DeviceProfile p, int gpus, Object... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("util", "0");
        params.put("cold_floor_ms", "0");
        for (int i = 0; i < kv.length; i += 2) params.put(kv[i].toString(), kv[i + 1].toString());
        return EngineConfig.resolve(policy, null, null, params, new GpuSetup(p, gpus, null, false, 0), 1, "test");
    }

    static Workload workload(List<FunctionSpec> fns, double... msAndFn) {
        return new Workload("test", fns, () -> ArrayArrivals.ofMs(msAndFn));
    }

    static List<String> run(EngineConfig cfg, Workload w, Recorder r) {
        var result = Simulation.run(cfg, w, r, null);
        if (!result.complete()) throw new AssertionError(result.incompleteReason());
        return r.schedule();
    }

    static Device device(Engine e, int i) {
        return e.devices().get(i);
    }
}
