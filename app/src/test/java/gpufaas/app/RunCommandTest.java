package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import gpufaas.workload.io.InvocationCsvWriter;
import gpufaas.workload.io.SummaryCsvWriter;
import gpufaas.workload.io.TimeSeriesCsvWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path tmp;

    String trace;
    String functions;

    @BeforeEach
    void inputs() throws Exception {
        Path[] in = Cli.tinyInputs(tmp);
        trace = in[0].toString();
        functions = in[1].toString();
    }

    private Cli run(Path out, String... extra) {
        List<String> args =
                new ArrayList<>(List.of("run", "--trace", trace, "--functions", functions, "--out", out.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void noArgumentsWithoutADisplaySaysSoAndExitsWithTwo() {
        String before = System.getProperty(GuiLauncher.DISPLAY_PROPERTY);
        System.setProperty(GuiLauncher.DISPLAY_PROPERTY, "none");
        try {
            Cli r = Cli.run();
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err())
                    .startsWith("error: no display")
                    .contains("./workbench screenshot")
                    .doesNotContain("Exception");
        } finally {
            if (before == null) System.clearProperty(GuiLauncher.DISPLAY_PROPERTY);
            else System.setProperty(GuiLauncher.DISPLAY_PROPERTY, before);
        }
    }

    @Test
    void aRunWritesTheFiveFilesWithTheirHeadersAndOneRowPerInvocation() throws Exception {
        Path out = tmp.resolve("out");
        Cli r = run(out);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("trace under mqfq-sticky on 1 x a30, seed 1")
                .contains("invocations 5: 5 completed")
                .contains("results in " + out);
        assertThat(Cli.names(out))
                .containsExactly("invocations.csv", "manifest.json", "summary.csv", "summary.json", "timeseries.csv");
        List<String> inv = Files.readAllLines(out.resolve("invocations.csv"));
        assertThat(inv.get(0))
                .isEqualTo(InvocationCsvWriter.HEADER)
                .isEqualTo(
                        "tid,function_name,arrival_ms,dispatch_ms,start_ms,end_ms,queue_ms,exec_ms,e2e_ms,start_type,"
                                + "was_cold,device,outcome,success,worker_duration_us,code_duration_sec,e2e_duration_us,reason");
        assertThat(inv).hasSize(1 + 5);
        assertThat(inv.subList(1, 6)).allSatisfy(l -> assertThat(l).contains(",a30-0,completed,true,"));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo(SummaryCsvWriter.header()).startsWith("function,invocations,completed,");
        assertThat(summary).hasSize(4);
        assertThat(summary.get(1)).startsWith("f1,3,3,");
        assertThat(summary.get(2)).startsWith("g2,2,2,");
        assertThat(summary.get(3)).startsWith("ALL,5,5,");
        assertThat(Files.readAllLines(out.resolve("timeseries.csv")).get(0))
                .isEqualTo(TimeSeriesCsvWriter.HEADER)
                .isEqualTo(
                        "time_s,device,queued,in_flight,executing,utilization,mem_used_mb,mem_capacity_mb,containers,"
                                + "containers_on_host,arrivals,completed,cold_starts,mean_e2e_ms,failed,oversubscribed,paging_factor,mem_context_mb,mean_in_system");
        String json = Files.readString(out.resolve("summary.json"));
        assertThat(json)
                .startsWith("{\n  \"policy\": \"mqfq-sticky\",\n  \"invocations\": 5,\n  \"completed\": 5,")
                .contains("\"complete\": true")
                .contains("\"functions\": [")
                .doesNotContain("\n  \"slo_attainment\"");
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertThat(manifest)
                .contains("\"tool\": \"gpufaas-workbench\"")
                .contains("\"seed\": 1")
                .contains("\"role\": \"trace_csv\"")
                .contains("\"role\": \"functions_csv\"")
                .contains("\"sha256\": \"")
                .contains("\"D\": \"2\"")
                .contains("\"profile\": \"a30\"")
                .contains("\"backend\": \"sim\"");
    }

    @Test
    void theSameSeedGivesTheSameBytesExceptWallTime() throws Exception {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(run(a, "--seed", "5", "--param", "D=1").status()).isZero();
        assertThat(run(b, "--seed", "5", "--param", "D=1").status()).isZero();
        for (String f : List.of("invocations.csv", "summary.csv", "timeseries.csv")) {
            assertThat(Files.readAllBytes(a.resolve(f))).as(f).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
        // the manifests differ only in the --out argument they record
        assertThat(Files.readString(a.resolve("manifest.json")).replace(a.toString(), "OUT"))
                .isEqualTo(Files.readString(b.resolve("manifest.json")).replace(b.toString(), "OUT"));
        assertThat(withoutWallTime(a)).isEqualTo(withoutWallTime(b));
        assertThat(Files.readString(a.resolve("summary.json")))
                .containsPattern("\n  \"wall_ms\": \\d+,\n  \"events_per_s\": ([0-9.]+|null),\n  \"events\": \\d+,\n");
    }

    private static String withoutWallTime(Path dir) throws Exception {
        return Files.readString(dir.resolve("summary.json"))
                .replaceAll("\n  \"wall_ms\": \\d+,", "")
                .replaceAll("\n  \"events_per_s\": ([0-9.]+|null),", "");
    }

    @Test
    void eventsPerSecondAreTheEventsOverTheWallTime() throws Exception {
        Path out = tmp.resolve("rate");
        assertThat(run(out, "--no-invocations").status()).isZero();
        var json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        long wallMs = json.get("wall_ms").asLong();
        long events = json.get("events").asLong();
        assertThat(events).isPositive();
        if (wallMs == 0) {
            assertThat(json.get("events_per_s").isNull()).isTrue();
        } else {
            double expected = events * 1000.0 / wallMs;
            assertThat(json.get("events_per_s").asDouble()).isCloseTo(expected, Percentage.withPercentage(1e-3));
        }
    }

    @Test
    void commandLineValuesOverrideAndNoInvocationsSkipsTheBigFile() throws Exception {
        Path out = tmp.resolve("o");
        Cli r = run(
                out,
                "--policy",
                "fcfs",
                "--gpu",
                "h100x2",
                "--param",
                "pool=4",
                "--interval",
                "0.5",
                "--no-invocations");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Cli.names(out)).containsExactly("manifest.json", "summary.csv", "summary.json", "timeseries.csv");
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertThat(manifest)
                .contains("\"policy\": \"fcfs\"")
                .contains("\"profile\": \"h100\"")
                .contains("\"count\": 2")
                .contains("\"pool\": \"4\"")
                .contains("\"interval\": \"0.5\"");
        assertThat(Files.readString(out.resolve("timeseries.csv")))
                .contains("\n0.5,h100-0,")
                .contains("\n0.5,h100-1,");
    }

    @Test
    void aPresetRuns() throws Exception {
        Path out = tmp.resolve("p");
        Cli r = Cli.run("run", "--preset", "teaching-3", "--duration", "20", "--out", out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("teaching-3 under mqfq-sticky on 1 x a30, seed 42\n");
        long rows = Files.readAllLines(out.resolve("invocations.csv")).size() - 1;
        assertThat(Files.readString(out.resolve("summary.json"))).contains("\"invocations\": " + rows + ",");
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"path\": \"preset:teaching-3\"");
    }

    @Test
    void parametersOfAnotherPolicyFromThePresetAreIgnoredWithANote() {
        Cli r = Cli.run(
                "run",
                "--preset",
                "teaching-3",
                "--duration",
                "5",
                "--policy",
                "fcfs",
                "--no-invocations",
                "--out",
                tmp.resolve("n").toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err())
                .isEqualTo("note: parameters T, ttl do not apply to policy fcfs (admission admit-all, "
                        + "placement gpu-only) and are ignored (set in preset teaching-3)\n");
    }

    @Test
    void aForeignFolderIsRefusedUnlessForcedAndAnEarlierOutputIsReplaced() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep");
        Cli refused = run(out);
        assertThat(refused.status()).isEqualTo(2);
        assertThat(refused.err()).startsWith("error: --out: ").contains("--force");
        assertThat(Cli.names(out)).containsExactly("notes.txt");
        assertThat(run(out, "--force").status()).isZero();
        assertThat(run(out, "--no-invocations").status()).isZero();
        assertThat(Cli.names(out))
                .containsExactly("manifest.json", "notes.txt", "summary.csv", "summary.json", "timeseries.csv");
    }
}
