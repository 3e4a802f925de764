package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path tmp;

    private Path experiment() throws Exception {
        Cli.tinyInputs(tmp);
        Path e = tmp.resolve("sweep.json");
        Files.writeString(e, """
                {
                  "name": "tiny",
                  "seed": 7,
                  "workload": {"functions_csv": "funcs.csv", "trace_csv": "trace.csv"},
                  "policy": ["fcfs", "mqfq-sticky"],
                  "params": {"D": [1, 2]}
                }
                """);
        return e;
    }

    @Test
    void twoByTwoGivesFourFoldersAndFourRowsWhateverTheParallelism() throws Exception {
        Path e = experiment();
        Path one = tmp.resolve("one");
        Path four = tmp.resolve("four");
        Cli r = Cli.run("sweep", "--experiment", e.toString(), "--out", one.toString(), "--parallel", "1");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("4 points written to " + one + " (sweep.csv has one row per point)\n");
        assertThat(r.err()).contains("point 4/4 done");
        assertThat(Cli.run("sweep", "--experiment", e.toString(), "--out", four.toString(), "--parallel", "4")
                        .status())
                .isZero();

        List<String> folders = List.of(
                "000-policy-fcfs_params.D-1",
                "001-policy-fcfs_params.D-2",
                "002-policy-mqfq-sticky_params.D-1",
                "003-policy-mqfq-sticky_params.D-2");
        assertThat(Cli.names(one))
                .containsExactly(
                        folders.get(0), folders.get(1), folders.get(2), folders.get(3), "manifest.json", "sweep.csv");
        List<String> csv = Files.readAllLines(one.resolve("sweep.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0))
                .startsWith("point,folder,policy,params.D,invocations,")
                .doesNotContain("wall_ms");
        assertThat(csv.get(1)).startsWith("0,000-policy-fcfs_params.D-1,fcfs,1,5,5,");
        assertThat(csv.get(4)).startsWith("3,003-policy-mqfq-sticky_params.D-2,mqfq-sticky,2,5,5,");
        assertThat(Files.readString(one.resolve("sweep.csv"))).isEqualTo(Files.readString(four.resolve("sweep.csv")));
        for (String f : folders) {
            assertThat(Cli.names(one.resolve(f)))
                    .containsExactly(
                            "invocations.csv", "manifest.json", "summary.csv", "summary.json", "timeseries.csv");
            for (String file : List.of("invocations.csv", "summary.csv", "timeseries.csv")) {
                assertThat(Files.readAllBytes(one.resolve(f).resolve(file)))
                        .isEqualTo(Files.readAllBytes(four.resolve(f).resolve(file)));
            }
        }
        assertThat(Files.readString(one.resolve(folders.get(3)).resolve("manifest.json")))
                .contains("\"index\": 3")
                .contains("\"label\": \"policy=mqfq-sticky,params.D=2\"")
                .contains("\"policy\": \"mqfq-sticky\"")
                .contains("\"D\": \"2\"");
    }

    @Test
    void aBadPointFailsBeforeAnythingRuns() throws Exception {
        Cli.tinyInputs(tmp);
        Path e = tmp.resolve("bad.json");
        Files.writeString(
                e,
                "{\"workload\": {\"functions_csv\": \"funcs.csv\", \"trace_csv\": \"trace.csv\"},"
                        + " \"params\": {\"D\": [1, 0]}}");
        Path out = tmp.resolve("o");
        Cli r = Cli.run("sweep", "--experiment", e.toString(), "--out", out.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("error: sweep point 1 (params.D=0), field 'D': 0 is out of range [1, 64]\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFailingPointRemovesTheWholeSweep() throws Exception {
        Cli.tinyInputs(tmp);
        Files.writeString(tmp.resolve("late-bad.csv"), "func_name,invoke_time_ms\nf1,0\nf1,-1\n");
        Path e = tmp.resolve("bad.json");
        Files.writeString(
                e,
                "{\"workload\": {\"functions_csv\": \"funcs.csv\", \"trace_csv\": \"late-bad.csv\"},"
                        + " \"params\": {\"D\": [1, 2]}}");
        Path out = tmp.resolve("o");
        Cli r = Cli.run("sweep", "--experiment", e.toString(), "--out", out.toString(), "--parallel", "1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.startsWith("error: ")).toList())
                .containsExactly("error: " + tmp.resolve("late-bad.csv")
                        + ", line 3, field 'invoke_time_ms': '-1' must not be negative");
        assertThat(out).doesNotExist();
    }

    @Test
    void call_clusterOptionsWithoutCluster_exit2NamingTheOption() throws Exception {
        Path e = experiment();
        Cli shared = Cli.run(
                "sweep",
                "--experiment",
                e.toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--shared-dir",
                tmp.toString());
        assertThat(shared.status()).isEqualTo(2);
        assertThat(shared.err()).isEqualTo("error: --shared-dir: applies only with --cluster\n");
        Cli conf = Cli.run(
                "sweep",
                "--experiment",
                e.toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--cluster-conf",
                "spark.executor.memory=2g");
        assertThat(conf.err()).isEqualTo("error: --cluster-conf: applies only with --cluster\n");
        assertThat(tmp.resolve("o")).doesNotExist();
    }

    @Test
    void call_clusterWithParallel_exit2() throws Exception {
        Cli r = Cli.run(
                "sweep",
                "--experiment",
                experiment().toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--cluster",
                "spark://127.0.0.1:7077",
                "--parallel",
                "2");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: --parallel: applies to local sweeps; on a cluster its executors' cores decide\n");
    }

    @Test
    void call_clusterWithoutItsModuleOnTheClassPath_exit2SayingWhatAddsIt() throws Exception {
        Cli r = Cli.run(
                "sweep",
                "--experiment",
                experiment().toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--cluster",
                "spark://127.0.0.1:7077");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("error: --cluster: no executor for spark:// clusters on the class path "
                        + "(./workbench adds the sweep-spark module's jars for sweep --cluster and cluster)\n");
        Cli notUrl = Cli.run(
                "sweep",
                "--experiment",
                experiment().toString(),
                "--out",
                tmp.resolve("o").toString(),
                "--cluster",
                "127.0.0.1:7077");
        assertThat(notUrl.err())
                .isEqualTo("error: --cluster: '127.0.0.1:7077' is not a cluster URL; expected spark://HOST:PORT\n");
        assertThat(tmp.resolve("o")).doesNotExist();
    }
}
