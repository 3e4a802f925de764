package gpufaas.workload.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCsvWriterTest {
    @Test
    void oneRowPerPointWithAxesThenSummaryFieldsWithoutWallTime(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectories(tmp.resolve("000-a"));
        Files.writeString(
                a.resolve("summary.json"),
                "{\"policy\": \"fcfs\", \"invocations\": 3, \"mean_e2e_ms\": 0.000123457,"
                        + " \"cold_pct\": 1234570, \"jain_fairness\": null, \"wall_ms\": 17, \"complete\": true,"
                        + " \"incomplete_reason\": null, \"functions\": []}\n");
        String csv = SweepCsvWriter.toCsv(
                List.of("policy", "params.D"),
                List.of(new SweepCsvWriter.Point(0, "000-a", List.of("fcfs", "1,2"), a)));
        List<String> cols = SweepCsvWriter.summaryColumns();
        assertThat(cols)
                .startsWith("policy", "invocations")
                .doesNotContain("wall_ms", "events_per_s", "functions")
                .endsWith("events", "complete", "incomplete_reason");
        String[] lines = csv.split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .startsWith("point,folder,policy,params.D,invocations,completed,")
                .doesNotContain("wall_ms")
                .endsWith(",events,complete,incomplete_reason");
        assertThat(lines[0].split(",", -1)).hasSize(2 + 2 + cols.size() - 1);
        String[] row = lines[1].split(",", -1);
        assertThat(lines[1]).startsWith("0,000-a,fcfs,\"1,2\",3,,");
        assertThat(lines[1]).contains(",0.000123457,").contains(",1234570,").endsWith(",true,");
        assertThat(row).hasSize(2 + 2 + cols.size() - 1 + 1); // the quoted "1,2" splits once more
    }

    @Test
    void aPolicysOwnField_isAColumnBeforeComplete_emptyWhereAPointLacksIt(@TempDir Path tmp) throws Exception {
        Path a = Files.createDirectories(tmp.resolve("000-a"));
        Path b = Files.createDirectories(tmp.resolve("001-b"));
        Files.writeString(
                a.resolve("summary.json"),
                "{\"policy\": \"edf\", \"events\": 5, \"complete\": true,"
                        + " \"incomplete_reason\": null, \"functions\": []}\n");
        Files.writeString(
                b.resolve("summary.json"),
                "{\"policy\": \"cost-aware\", \"events\": 6, \"over_budget\": 2,"
                        + " \"complete\": true, \"incomplete_reason\": null, \"functions\": []}\n");
        String csv = SweepCsvWriter.toCsv(
                List.of("policy"),
                List.of(
                        new SweepCsvWriter.Point(0, "000-a", List.of("edf"), a),
                        new SweepCsvWriter.Point(1, "001-b", List.of("cost-aware"), b)));
        String[] lines = csv.split("\n");
        assertThat(lines[0]).endsWith(",events,over_budget,complete,incomplete_reason");
        assertThat(lines[1]).endsWith(",5,,true,");
        assertThat(lines[2]).endsWith(",6,2,true,");
    }
}
