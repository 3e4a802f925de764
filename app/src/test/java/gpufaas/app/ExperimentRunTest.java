package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunTest {
    @TempDir
    Path tmp;

    @Test
    void paramsMergeOverTheExperimentsAndPathsResolveAgainstItsFolder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("exp"));
        Cli.tinyInputs(dir);
        Path e = dir.resolve("e.json");
        Files.writeString(
                e,
                "{\"name\": \"tiny\", \"seed\": 3, \"workload\": {\"functions_csv\": \"funcs.csv\","
                        + " \"trace_csv\": \"trace.csv\"}, \"params\": {\"D\": 1, \"T\": 3}}");
        Path out = tmp.resolve("o");
        Cli r = Cli.run(
                "run", "--experiment", e.toString(), "--param", "d_max=2", "--seed", "9", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("tiny under mqfq-sticky on 1 x a30, seed 9\n");
        String m = Files.readString(out.resolve("manifest.json"));
        assertThat(m)
                .contains("\"seed\": 9")
                .contains("\"T\": \"3\"")
                .contains("\"D\": \"2\"")
                .contains("\"role\": \"experiment\",\n      \"path\": \"" + e + "\"")
                .contains("\"path\": \"" + dir.resolve("trace.csv") + "\"");
    }

    @Test
    void anUnknownParameterInTheExperimentNamesTheFile() throws Exception {
        Cli.tinyInputs(tmp);
        Path e = tmp.resolve("e.json");
        Files.writeString(
                e,
                "{\"workload\": {\"functions_csv\": \"funcs.csv\", \"trace_csv\": \"trace.csv\"},"
                        + " \"params\": {\"bogus\": 1}}");
        Cli r = Cli.run(
                "run", "--experiment", e.toString(), "--out", tmp.resolve("o").toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: " + e + ", field 'bogus': unknown parameter");
    }
}
