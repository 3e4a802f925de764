package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gpufaas.backend.docker.DockerConnection;
import gpufaas.backend.docker.DockerLabels;
import gpufaas.backend.docker.DockerStatus;
import gpufaas.engine.run.Engine;
import gpufaas.engine.run.RunResult;
import gpufaas.views.run.RunPlan;
import gpufaas.workload.experiment.ExperimentSpec;
import gpufaas.workload.experiment.Presets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --backend docker} end to end against a real engine: the same experiment on the
 * simulator and on Docker gives the same invocations and outcome accounting, into the same files.
 * Skipped, with the reason, where no engine answers.
 */
@Tag("docker")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DockerRunIT {
    @TempDir
    Path tmp;

    @BeforeAll
    static void engine() {
        DockerStatus s = DockerConnection.probe();
        assumeTrue(s.available(), () -> "no Docker engine: " + s.reason());
        assumeTrue(Files.isRegularFile(Path.of("/bin/busybox")), "no /bin/busybox (apt-get install busybox-static)");
    }

    @Test
    void theSameExperimentOnTheSimulatorAndOnDockerAccountsForTheSameInvocations() throws Exception {
        Path sim = tmp.resolve("sim");
        Path dock = tmp.resolve("docker");
        String[] common = {"--preset", "docker-demo", "--duration", "12", "--param", "util=0"};
        Cli s = Cli.run(concat(new String[] {"run", "--backend", "sim", "--out", sim.toString()}, common));
        assertThat(s.status()).as(s.err()).isZero();
        Cli d = Cli.run(concat(new String[] {"run", "--out", dock.toString()}, common));
        assertThat(d.status()).as(d.err()).isZero();
        assertThat(d.err()).contains("note: docker run ");
        assertThat(d.out()).contains("ran on the docker backend; makespan ");

        assertThat(Cli.names(dock)).isEqualTo(Cli.names(sim));
        JsonNode a = new ObjectMapper().readTree(sim.resolve("summary.json").toFile());
        JsonNode b = new ObjectMapper().readTree(dock.resolve("summary.json").toFile());
        for (String k :
                List.of("invocations", "completed", "rejected", "dropped", "failed", "unfinished", "complete")) {
            assertThat(b.get(k)).as(k).isEqualTo(a.get(k));
        }
        assertThat(b.get("invocations").asLong()).isPositive();
        assertThat(b.get("failed").asLong()).isZero();
        // one row per invocation on both, the same arrivals (same seed), measured times on Docker
        List<String> simRows = Files.readAllLines(sim.resolve("invocations.csv"));
        List<String> dockRows = Files.readAllLines(dock.resolve("invocations.csv"));
        assertThat(dockRows).hasSameSizeAs(simRows);
        assertThat(dockRows.get(0)).isEqualTo(simRows.get(0));
        assertThat(ids(dockRows)).isEqualTo(ids(simRows));
        JsonNode manifest =
                new ObjectMapper().readTree(dock.resolve("manifest.json").toFile());
        assertThat(manifest.get("backend").asText()).isEqualTo("docker");
        assertThat(manifest.has("incomplete")).isFalse();
    }

    @Test
    void theWindowsLiveEnginesRunADockerPlanAndLeaveNothingBehind() throws Exception {
        ExperimentSpec p = Presets.spec("docker-demo");
        ExperimentSpec spec = new ExperimentSpec(
                p.name(),
                p.description(),
                p.seed(),
                4.0,
                p.workload(),
                p.devices(),
                p.policy(),
                p.admission(),
                p.placement(),
                p.params(),
                p.backend(),
                p.docker());
        var services = GuiServices.create();
        assertThat(services.backends()).anySatisfy(b -> {
            assertThat(b.name()).isEqualTo("docker");
            assertThat(b.available()).isTrue();
        });
        RunPlan plan = services.planner().plan(spec, null);
        Engine e = services.engines().createLive(plan, plan.workload(), null);
        RunResult r;
        try {
            assertThat(e.backendName()).isEqualTo("docker");
            r = e.run();
        } finally {
            e.close();
        }
        assertThat(r.complete()).isTrue();
        assertThat(r.summary().counts().completed())
                .isEqualTo(r.summary().counts().invocations())
                .isPositive();
        try (var docker = DockerConnection.open()) {
            assertThat(docker.listContainersCmd()
                            .withShowAll(true)
                            .withLabelFilter(Map.of(DockerLabels.APP, "container"))
                            .exec())
                    .isEmpty();
        }
        assertThatThrownBy(() -> GuiServices.export(plan, tmp.resolve("x")))
                .hasMessageContaining("cannot be repeated that way");
    }

    @Test
    void devicesListsTheEngine() {
        Cli d = Cli.run("devices");
        assertThat(d.status()).isZero();
        assertThat(d.out()).containsPattern("Docker engine: [0-9][^ ]* \\(API [0-9.]+\\) at ");
    }

    private static List<String> ids(List<String> rows) {
        return rows.stream()
                .skip(1)
                .map(r -> r.substring(0, r.indexOf(',')) + " " + r.split(",")[1] + " " + r.split(",")[2])
                .sorted()
                .toList();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
