package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReproduceCommandTest {

    @Test
    void quick_writesTheReportCsvChartsAndManifest_withEveryPublishedNumber(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("rep");
        Cli c = Cli.run("reproduce", "--quick", "--seeds", "1", "--out", out.toString());
        assertThat(c.status()).as(c.err()).isZero();
        assertThat(c.out()).containsPattern("\\d+ of \\d+ targets met; report in ");
        assertThat(Cli.names(out))
                .containsExactly(
                        "calibration-latency.png",
                        "calibration-utilization.png",
                        "curve-pool.png",
                        "curve-t.png",
                        "curve-ttl.png",
                        "d-table.png",
                        "hybrid.png",
                        "manifest.json",
                        "report.csv",
                        "report.md",
                        "utilization-cap.png");
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md)
                .contains("## Headline")
                .contains("targets met")
                .contains("| 25.7095 | mqfq-sticky mean latency | 8.90 s |") // published values, as published
                .contains("| 25.707 | fcfs / mqfq-sticky | 6.70 |")
                .contains("| D = 3 | fcfs mean latency | 70.90 s |")
                .contains("| cap 95 % / fixed D | D = 2 mean latency |")
                .contains("Curves without published values");
        List<String> csv = Files.readAllLines(out.resolve("report.csv"));
        assertThat(csv.get(0)).isEqualTo("table,row,column,unit,published,simulated,ratio,target,verdict");
        assertThat(csv).anyMatch(l -> l.startsWith("calibration,25.8,mqfq-sticky gpu utilization,%,52.054,"));
        assertThat(csv).anyMatch(l -> l.startsWith("d-table,\"mqfq-sticky: D = 2 best of D = 1, 2, 3\",check,"));
        // PNG files, not empty
        assertThat(Files.readAllBytes(out.resolve("d-table.png")))
                .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"kind\": \"reproduction\"");
    }

    @Test
    void sameSeeds_sameReport(@TempDir Path dir) throws Exception {
        Cli.run(
                "reproduce",
                "--quick",
                "--seeds",
                "1",
                "--out",
                dir.resolve("a").toString(),
                "--parallel",
                "1");
        Cli.run(
                "reproduce",
                "--quick",
                "--seeds",
                "1",
                "--out",
                dir.resolve("b").toString(),
                "--parallel",
                "2");
        assertThat(Files.readString(dir.resolve("b/report.csv")))
                .isEqualTo(Files.readString(dir.resolve("a/report.csv")));
    }

    @Test
    void badParameter_isOneLineExitTwo_andNothingWritten(@TempDir Path dir) {
        Path out = dir.resolve("rep");
        Cli c = Cli.run("reproduce", "--quick", "--param", "D=zero", "--out", out.toString());
        assertThat(c.status()).isEqualTo(2);
        assertThat(c.err().strip())
                .startsWith("error: ")
                .contains("D")
                .doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(Files.exists(out)).isFalse();
        Cli s = Cli.run("reproduce", "--seeds", "0", "--out", out.toString());
        assertThat(s.status()).isEqualTo(2);
        assertThat(s.err()).contains("--seeds");
    }
}
