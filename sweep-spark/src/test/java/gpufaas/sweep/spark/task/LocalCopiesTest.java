package gpufaas.sweep.spark.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gpufaas.app.SweepTask;
import gpufaas.workload.experiment.InputFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCopiesTest {
    @TempDir
    Path tmp;

    private static ShippedPoint point(String experiment, String base, Map<String, String> shipped) {
        SweepTask t = new SweepTask(
                0,
                "p",
                experiment,
                base,
                "/out/000",
                true,
                false,
                List.of("sweep"),
                List.of(),
                shipped.keySet().stream()
                        .map(p -> new InputFile("trace_csv", p, "00"))
                        .toList());
        return new ShippedPoint(t, shipped, null);
    }

    @Test
    void relocate_relativeAndAbsolutePaths_replacedByLinksNamedAsTheOriginals() throws Exception {
        Path fetched = Files.createDirectories(tmp.resolve("fetched"));
        Files.writeString(fetched.resolve("funcs.csv"), "f");
        Files.writeString(fetched.resolve("1a2b-trace.csv"), "t");
        ShippedPoint p = point(
                "{\"name\":\"trace.csv\",\"workload\":{\"functions_csv\":\"funcs.csv\","
                        + "\"trace_csv\":\"/data/b/trace.csv\"},\"policy\":\"fcfs\"}",
                "/data/a",
                Map.of("/data/a/funcs.csv", "funcs.csv", "/data/b/trace.csv", "1a2b-trace.csv"));

        LocalCopies.Relocated r =
                LocalCopies.relocate(p, Files.createDirectories(tmp.resolve("root")), fetched::resolve);

        JsonNode tree = new ObjectMapper().readTree(r.experiment());
        Path functions = Path.of(tree.at("/workload/functions_csv").asText());
        Path trace = Path.of(tree.at("/workload/trace_csv").asText());
        assertThat(functions.getFileName()).hasToString("funcs.csv");
        assertThat(trace.getFileName()).hasToString("trace.csv");
        assertThat(Files.readString(functions)).isEqualTo("f");
        assertThat(Files.readString(trace)).isEqualTo("t");
        assertThat(tree.at("/name").asText())
                .as("a value that names no file of the point")
                .isEqualTo("trace.csv");
        assertThat(tree.at("/policy").asText()).isEqualTo("fcfs");
        assertThat(r.copies().toDriver("no such file: " + trace + "; also " + functions))
                .isEqualTo("no such file: /data/b/trace.csv; also /data/a/funcs.csv");
    }

    @Test
    void relocate_aFolderHoldingInputs_becomesALocalFolderOfThem() throws Exception {
        Path fetched = Files.createDirectories(tmp.resolve("fetched"));
        Files.writeString(fetched.resolve("d01.csv"), "1");
        Files.writeString(fetched.resolve("d02.csv"), "2");
        ShippedPoint p = point(
                "{\"workload\":{\"azure2019\":{\"dir\":\"azure\",\"day\":1}}}",
                "/data",
                Map.of("/data/azure/d01.csv", "d01.csv", "/data/azure/sub/d02.csv", "d02.csv"));

        LocalCopies.Relocated r =
                LocalCopies.relocate(p, Files.createDirectories(tmp.resolve("root")), fetched::resolve);

        Path dir = Path.of(new ObjectMapper()
                .readTree(r.experiment())
                .at("/workload/azure2019/dir")
                .asText());
        assertThat(Files.readString(dir.resolve("d01.csv"))).isEqualTo("1");
        assertThat(Files.readString(dir.resolve("sub/d02.csv"))).isEqualTo("2");
        assertThat(r.copies().toDriver(dir.resolve("d01.csv").toString())).isEqualTo("/data/azure/d01.csv");
    }
}
