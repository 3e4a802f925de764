package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.backend.cuda.CudaProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input ends with status 2, one line on stderr, and no output folder. */
class BadInputTest {
    @TempDir
    Path tmp;

    Path trace;
    Path functions;
    Path out;

    @BeforeEach
    void inputs() throws Exception {
        Path[] in = Cli.tinyInputs(tmp);
        trace = in[0];
        functions = in[1];
        out = tmp.resolve("out");
    }

    private String fails(Path traceFile, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run", "--trace", traceFile.toString(), "--functions", functions.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return fails(args.toArray(String[]::new));
    }

    private String fails(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("error: ").endsWith("\n");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(out).doesNotExist();
        return r.err().strip();
    }

    private Path traceWith(String body) throws Exception {
        Path t = tmp.resolve("bad-trace.csv");
        Files.writeString(t, "func_name,invoke_time_ms\n" + body);
        return t;
    }

    @Test
    void unknownPolicy() {
        assertThat(fails(trace, "--policy", "nope"))
                .startsWith("error: --policy")
                .contains("unknown policy 'nope'")
                .contains("mqfq-sticky");
    }

    @Test
    void unknownParameter() {
        assertThat(fails(trace, "--param", "bogus=1")).startsWith("error: --param, field 'bogus': unknown parameter");
    }

    @Test
    void parameterOutOfRange() {
        assertThat(fails(trace, "--param", "D=0")).isEqualTo("error: --param, field 'D': 0 is out of range [1, 64]");
    }

    @Test
    void parameterWithoutValue() {
        assertThat(fails(trace, "--param", "D")).isEqualTo("error: --param: expected KEY=VALUE, got 'D'");
    }

    @Test
    void malformedTraceLineNamesFileAndLine() throws Exception {
        Path bad = traceWith("f1,0\nf1,abc\n");
        assertThat(fails(bad)).isEqualTo("error: " + bad + ", line 3, field 'invoke_time_ms': 'abc' is not a number");
    }

    @Test
    void negativeTime() throws Exception {
        Path bad = traceWith("f1,0\nf1,-5\n");
        assertThat(fails(bad))
                .isEqualTo("error: " + bad + ", line 3, field 'invoke_time_ms': '-5' must not be negative");
    }

    @Test
    void unknownFunctionInTheTrace() throws Exception {
        Path bad = traceWith("f1,0\nzz,5\n");
        assertThat(fails(bad)).contains(bad + ", line 3, field 'func_name': unknown function 'zz'");
    }

    @Test
    void traceRowWithMoreOrFewerFieldsThanTheHeader() throws Exception {
        Path longer = traceWith("f1,0\ng2,5,x\n");
        assertThat(fails(longer))
                .isEqualTo("error: " + longer
                        + ", line 3: the row has 3 fields but the header has 2 (func_name,invoke_time_ms)");
        Path shorter = traceWith("f1,0\nf1,1\ng2\n");
        assertThat(fails(shorter))
                .isEqualTo("error: " + shorter + ", line 4, field 'invoke_time_ms': "
                        + "the row has 1 field but the header has 2 (func_name,invoke_time_ms): value is missing");
    }

    @Test
    void missingFiles() {
        assertThat(fails(tmp.resolve("none.csv")))
                .isEqualTo("error: --trace: no such file: " + tmp.resolve("none.csv"));
        assertThat(fails("run", "--experiment", tmp.resolve("x.json").toString(), "--out", out.toString()))
                .isEqualTo("error: --experiment: no such file: " + tmp.resolve("x.json"));
    }

    @Test
    void exactlyOneInput() {
        assertThat(fails("run", "--preset", "teaching-3", "--trace", trace.toString(), "--out", out.toString()))
                .contains("give exactly one input");
        assertThat(fails("run", "--out", out.toString())).contains("give exactly one input");
        assertThat(fails("run", "--trace", trace.toString(), "--out", out.toString()))
                .isEqualTo("error: --functions: is required with --trace (the functions)");
    }

    @Test
    void aDockerEngineThatDoesNotAnswerIsOneLineAndNoFolder() {
        String before = System.getProperty("DOCKER_HOST");
        System.setProperty("DOCKER_HOST", "unix:///nonexistent/docker.sock");
        try {
            assertThat(fails(trace, "--backend", "docker"))
                    .startsWith(
                            "error: --backend docker: cannot reach the Docker engine at unix:///nonexistent/docker.sock");
        } finally {
            if (before == null) System.clearProperty("DOCKER_HOST");
            else System.setProperty("DOCKER_HOST", before);
        }
    }

    @Test
    void backendsThatCannotRunExperimentsSaySo() {
        if (!CudaProbe.probe().available()) {
            assertThat(fails(trace, "--backend", "cuda")).startsWith("error: --backend cuda: CUDA is unavailable: ");
        }
        assertThat(fails(trace, "--backend", "nope")).contains("--backend");
    }

    @Test
    void sweepsRunOnTheSimulatorOnly() throws Exception {
        Path sweep = tmp.resolve("sweep.json");
        Files.writeString(
                sweep,
                "{\"name\": \"s\", \"workload\": {\"functions_csv\": \"funcs.csv\", \"trace_csv\": \"trace.csv\"},"
                        + " \"backend\": \"docker\", \"policy\": [\"fcfs\", \"mqfq-sticky\"]}");
        String msg = fails("sweep", "--experiment", sweep.toString(), "--out", out.toString());
        assertThat(msg).contains("sweeps run on the simulator");
    }

    @Test
    void picocliErrorsAreOneLineToo() {
        assertThat(fails(trace, "--mps", "maybe")).contains("--mps");
        assertThat(fails(trace, "--seed", "x")).contains("--seed");
        assertThat(fails("run", "--bogus")).contains("--bogus");
        assertThat(fails("screenshot", "--preset", "teaching-3"))
                .isEqualTo(
                        "error: Missing required options: '--at=SECONDS', '--out=FILE.png' (see ./workbench --help)");
        assertThat(fails("calibrate", "--backend", "cuda"))
                .isEqualTo("error: Missing required option: '--out=PROFILE.json' (see ./workbench --help)");
    }

    @Test
    void unknownGpuPresetAndMig() {
        assertThat(fails(trace, "--gpu", "k80")).startsWith("error: --gpu: unknown device profile 'k80'");
        assertThat(fails("run", "--preset", "nope", "--out", out.toString()))
                .startsWith("error: --preset: unknown preset 'nope'");
        assertThat(fails(trace, "--mig", "9g.99gb")).contains("no MIG profile '9g.99gb'");
    }

    @Test
    void aSweepExperimentGivenToRun() throws Exception {
        Path e = tmp.resolve("s.json");
        Files.writeString(
                e,
                "{\"workload\": {\"functions_csv\": \"funcs.csv\", \"trace_csv\": \"trace.csv\"},"
                        + " \"policy\": [\"fcfs\", \"sjf\"]}");
        assertThat(fails("run", "--experiment", e.toString(), "--out", out.toString()))
                .contains("axes: policy")
                .contains("./workbench sweep");
    }

    @Test
    void badDockerSettingsNameTheKey() throws Exception {
        Path e = tmp.resolve("d.json");
        String head =
                "{\"workload\": {\"functions_csv\": \"funcs.csv\", \"trace_csv\": \"trace.csv\"}, \"backend\": \"docker\",\n";
        Files.writeString(e, head + " \"docker\": {\"wrok\": \"cpu\"}}");
        assertThat(fails("run", "--experiment", e.toString(), "--out", out.toString()))
                .contains("line 2")
                .contains("docker.wrok")
                .contains("unknown key 'wrok'");
        Files.writeString(e, head + " \"docker\": {\"work\": \"gpu\"}}");
        assertThat(fails("run", "--experiment", e.toString(), "--out", out.toString()))
                .contains("docker.work")
                .contains("must be sleep or cpu");
        Files.writeString(
                e, head + " \"docker\": {\"functions\": {\"nope\": {\"image\": \"x\", \"command\": [\"true\"]}}}}");
        assertThat(fails("run", "--experiment", e.toString(), "--out", out.toString()))
                .contains("docker.functions.nope")
                .contains("the workload has no function 'nope'");
        Files.writeString(e, head + " \"docker\": {\"functions\": {\"f1\": {\"image\": \"x\"}}}}");
        assertThat(fails("run", "--experiment", e.toString(), "--out", out.toString()))
                .contains("command")
                .contains("is required");
    }
}
