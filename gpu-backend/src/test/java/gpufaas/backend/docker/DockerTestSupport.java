package gpufaas.backend.docker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MigProfile;
import gpufaas.engine.model.ArrayArrivals;
import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Workload;
import gpufaas.engine.run.EngineConfig;
import gpufaas.engine.run.GpuSetup;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the Docker tests share: the engine probe (tests skip, saying why, without an engine) and small workloads. */
final class DockerTestSupport {
    private static DockerStatus status;

    private DockerTestSupport() {}

    static synchronized DockerStatus status() {
        if (status == null) {
            status = DockerConnection.probe();
            if (!status.available()) {
                System.err.println("[docker tests] SKIPPED: " + status.reason()
                        + " — .ci/run installs docker.io and starts dockerd; start one with `dockerd &` to run them");
            } else if (!Files.isRegularFile(BuiltinImage.busybox())) {
                System.err.println("[docker tests] SKIPPED: " + BuiltinImage.busybox()
                        + " is missing (apt-get install busybox-static)");
            }
        }
        return status;
    }

    /** Skips the calling test, with the reason, when there is no engine or no busybox to build the image from. */
    static void assumeDocker() {
        DockerStatus s = status();
        assumeTrue(s.available(), () -> "no Docker engine: " + s.reason());
        assumeTrue(
                Files.isRegularFile(BuiltinImage.busybox()),
                () -> BuiltinImage.busybox() + " is missing (apt-get install busybox-static)");
    }

    /** A reference GPU: 24 GB, 10 GB/s link, speed 1, no context memory. */
    static DeviceProfile ref() {
        return DeviceProfile.builder("ref")
                .description("test device")
                .memoryMb(24_000)
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
                .migProfiles(List.of(new MigProfile("half", 1, 2, 12_000, 2)))
                .pricePerSecond(0.001)
                .build();
    }

    /** One reference GPU under {@code policy} with the gate off and the given parameters. */
    static EngineConfig config(String policy, Object... kv) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("util", "0");
        for (int i = 0; i < kv.length; i += 2) params.put(kv[i].toString(), kv[i + 1].toString());
        return EngineConfig.resolve(policy, null, null, params, new GpuSetup(ref(), 1, null, false, 0), 1, "test");
    }

    /** Arrivals as (ms, function index) pairs. */
    static Workload workload(List<FunctionSpec> fns, double... msAndFn) {
        return new Workload("docker-test", fns, () -> ArrayArrivals.ofMs(msAndFn));
    }
}
