package gpufaas.backend.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.DeviceKind;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.model.FunctionSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker backend's pure parts: commands, limits, GPU requests, image checks, options. No engine needed. */
class DockerBackendUnitTest {

    @Test
    void builtInCommandsAreArgumentVectorsWithTheFunctionsTime() {
        assertThat(BuiltinImage.sleepCommand(17)).containsExactly("/bin/busybox", "sleep", "0.017");
        assertThat(BuiltinImage.sleepCommand(1500)).containsExactly("/bin/busybox", "sleep", "1.5");
        List<String> cpu = BuiltinImage.cpuCommand(123_456);
        assertThat(cpu).containsExactly("/bin/busybox", "sh", "-c", BuiltinImage.CPU_SCRIPT, "fn", "123456");
        // the script is fixed text: the size reaches it as $1, never spliced in
        assertThat(BuiltinImage.CPU_SCRIPT).contains("\"$1\"").doesNotContain("123456");
    }

    @Test
    void customCommandsReplaceOnlyWholePlaceholderArguments() {
        FunctionImage f = new FunctionImage(
                "img:1",
                List.of("run", "{warm_ms}", "--s={warm_s}", "{warm_s}", "{mem_mb}", "$(rm -rf /)"),
                null,
                Map.of("A", "1"));
        assertThat(f.commandFor(250, 3072))
                .containsExactly("run", "250", "--s={warm_s}", "0.25", "3072", "$(rm -rf /)");
        assertThat(f.keepAlive()).isEqualTo(FunctionImage.DEFAULT_KEEP_ALIVE);
        assertThatThrownBy(() -> new FunctionImage("img", List.of(), null, null))
                .hasMessageContaining("command is empty");
    }

    @Test
    void everyContainerIsLimitedAndUnprivileged() {
        DockerOptions o = new DockerOptions("sleep", 128, 0.5, 32, 0, "off", Map.of());
        HostConfig hc = DockerBackend.hostConfig(o, null);
        assertThat(hc.getInit()).isTrue();
        assertThat(hc.getMemory()).isEqualTo(128L << 20);
        assertThat(hc.getMemorySwap()).isEqualTo(128L << 20);
        assertThat(hc.getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(hc.getPidsLimit()).isEqualTo(32L);
        assertThat(hc.getNetworkMode()).isEqualTo("none");
        assertThat(hc.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(hc.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(hc.getReadonlyRootfs()).isTrue();
        assertThat(hc.getPrivileged()).isFalse();
        assertThat(hc.getDeviceRequests()).isNull();
    }

    @Test
    void gpuContainersRequestTheirDeviceAndGetMpsSettings() {
        DockerOptions o = DockerOptions.DEFAULTS;
        Device whole =
                new Device(0, "ref-1", DeviceKind.GPU, DockerTestSupport.ref(), 1, 24_000, 1.0, true, 40, 2, 0, 16);
        Device mig = new Device(
                3, "ref-0/half-1", DeviceKind.GPU, DockerTestSupport.ref(), 0, 12_000, 0.5, false, 100, 2, 0, 16);
        assertThat(DockerBackend.gpuDeviceId(whole)).isEqualTo("1");
        assertThat(DockerBackend.gpuDeviceId(mig)).isEqualTo("0:1");
        HostConfig hc = DockerBackend.hostConfig(o, DockerBackend.gpuDeviceId(whole));
        DeviceRequest r = hc.getDeviceRequests().get(0);
        assertThat(r.getDriver()).isEqualTo("nvidia");
        assertThat(r.getDeviceIds()).containsExactly("1");
        assertThat(r.getCapabilities()).containsExactly(List.of("gpu", "compute", "utility"));
        assertThat(DockerBackend.mpsEnv(whole))
                .containsExactly("CUDA_MPS_ACTIVE_THREAD_PERCENTAGE=40", "CUDA_MPS_PINNED_DEVICE_MEM_LIMIT=0=24000M");
        assertThat(DockerBackend.mpsEnv(mig)).isEmpty();
    }

    @Test
    void builtInFunctionsTakeTheirWarmTimeOnTheirDevice() {
        FunctionSpec f = new FunctionSpec(0, "f", 100, 400, 1000, 900, 1200, 1, Double.NaN);
        var slow = DeviceProfile.builder("slow")
                .description("half speed")
                .memoryMb(24_000)
                .sms(80)
                .linkGBps(10.0)
                .faultGBps(5.0)
                .speed(0.5)
                .contextMemMb(0)
                .slowdown(1, 2)
                .mpsSlowdown(1, 2)
                .mpsSmSensitivity(0.5)
                .uvmOversubscribedFactor(1.4)
                .utilSampleMs(200)
                .pricePerSecond(0.001)
                .build();
        Device whole = new Device(0, "slow-0", DeviceKind.GPU, slow, 0, 24_000, 1.0, false, 100, 2, 0, 16);
        Device quarter = new Device(1, "slow-0/q-0", DeviceKind.GPU, slow, 0, 6_000, 0.25, false, 100, 2, 0, 16);
        Device cpu = new Device(2, "cpu", DeviceKind.CPU, slow, -1, 0, 1.0, false, 100, 4, 0, 16);
        assertThat(DockerBackend.warmMsOn(f, whole)).isEqualTo(200.0);
        assertThat(DockerBackend.warmMsOn(f, quarter)).isEqualTo(800.0);
        assertThat(DockerBackend.warmMsOn(f, cpu)).isEqualTo(900.0);
    }

    @Test
    void optionsRefuseBadValuesAndDeriveTimeouts() {
        assertThat(DockerOptions.DEFAULTS.execTimeoutMs(17)).isEqualTo(30_000);
        assertThat(DockerOptions.DEFAULTS.execTimeoutMs(10_000)).isEqualTo(100_000);
        assertThat(new DockerOptions("cpu", 64, 1, 8, 2.5, "auto", null).execTimeoutMs(10_000))
                .isEqualTo(2_500);
        assertThatThrownBy(() -> new DockerOptions("gpu", 64, 1, 8, 0, "auto", null))
                .hasMessageContaining("work must be sleep or cpu");
        assertThatThrownBy(() -> new DockerOptions("sleep", 2, 1, 8, 0, "auto", null))
                .hasMessageContaining("memory_mb");
        assertThatThrownBy(() -> new DockerOptions("sleep", 64, 0, 8, 0, "auto", null))
                .hasMessageContaining("cpus");
        assertThatThrownBy(() -> new DockerOptions("sleep", 64, 1, 8, 0, "maybe", null))
                .hasMessageContaining("gpus must be");
    }

    @Test
    void theImageIsBuiltOnlyFromAStaticExecutable(@TempDir Path tmp) throws Exception {
        assertThat(BuiltinImage.staticElfProblem("#!/bin/sh\n".getBytes())).isEqualTo("is not an ELF executable");
        assertThat(BuiltinImage.staticElfProblem(elf(false))).isNull();
        assertThat(BuiltinImage.staticElfProblem(elf(true))).contains("dynamically linked");
        Path missing = tmp.resolve("busybox");
        assertThatThrownBy(() -> BuiltinImage.read(missing))
                .hasMessageContaining("not found")
                .hasMessageContaining("busybox-static");
        Files.write(missing, elf(true));
        assertThatThrownBy(() -> BuiltinImage.read(missing)).hasMessageContaining("dynamically linked");
        if (Files.isRegularFile(BuiltinImage.DEFAULT_BUSYBOX)) {
            assertThat(BuiltinImage.staticElfProblem(Files.readAllBytes(BuiltinImage.DEFAULT_BUSYBOX)))
                    .isNull();
        }
    }

    @Test
    void leftoverOwnersAreJudgedByProcessAndStartTime() {
        assertThat(DockerLabels.ownerAlive(DockerLabels.self())).isTrue();
        String[] me = DockerLabels.self().split("/");
        assertThat(DockerLabels.ownerAlive(me[0] + "/" + me[1] + "/12345")).isFalse();
        assertThat(DockerLabels.ownerAlive(me[0] + "/999999999/0")).isFalse();
        assertThat(DockerLabels.ownerAlive("garbage")).isFalse();
        assertThat(DockerLabels.ownerAlive("some-other-host/1/0")).isTrue();
    }

    @Test
    void anUnreachableEngineIsReportedNotThrown() {
        DockerStatus s;
        try (var c = DockerConnection.open("unix:///nonexistent/docker.sock")) {
            s = DockerConnection.probe(c, "unix:///nonexistent/docker.sock");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(s.available()).isFalse();
        assertThat(s.reason()).startsWith("cannot reach the Docker engine at unix:///nonexistent/docker.sock");
        assertThat(s.gpuSupport()).startsWith("no Docker engine");
        assertThatThrownBy(
                        () -> DockerBackend.open(DockerOptions.DEFAULTS, List.of(), "unix:///nonexistent/docker.sock"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot reach the Docker engine");
    }

    /** A minimal 64-bit ELF header with one program header: PT_LOAD, or PT_INTERP when {@code dynamic}. */
    private static byte[] elf(boolean dynamic) {
        ByteBuffer b = ByteBuffer.allocate(64 + 56).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putLong(0x20, 64);
        b.putShort(0x36, (short) 56);
        b.putShort(0x38, (short) 1);
        b.putInt(64, dynamic ? 3 : 1);
        return b.array();
    }
}
