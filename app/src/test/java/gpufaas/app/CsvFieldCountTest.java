package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV row with a field count other than its header's stops the command with status 2 and one
 * line naming the file, the line and both counts, however the file reaches the command.
 */
class CsvFieldCountTest {
    @TempDir
    Path tmp;

    Path trace;
    Path out;

    @BeforeEach
    void inputs() throws Exception {
        trace = Cli.tinyInputs(tmp)[0];
        out = tmp.resolve("out");
    }

    private String fails(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.status()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(out).doesNotExist();
        return r.err().strip();
    }

    @Test
    void functionsCsvWithAFieldFewer_onTheCommandLine() throws Exception {
        Path funcs = tmp.resolve("short.csv");
        Files.writeString(funcs, "func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf1,2000,100,1024\ng2,3000,500\n");
        assertThat(fails("run", "--trace", trace.toString(), "--functions", funcs.toString(), "--out", out.toString()))
                .isEqualTo("error: " + funcs
                        + ", line 3: the row has 3 fields but the header has 4 (no value for mem_mb)");
    }

    @Test
    void functionsCsvWithAFieldMore_inAnExperiment() throws Exception {
        Path funcs = tmp.resolve("long.csv");
        Files.writeString(funcs, "func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf1,2000,100,1024,7\ng2,3000,500,2048\n");
        Path e = tmp.resolve("e.json");
        Files.writeString(e, "{\"workload\": {\"functions_csv\": \"long.csv\", \"trace_csv\": \"trace.csv\"}}");
        assertThat(fails("run", "--experiment", e.toString(), "--out", out.toString()))
                .isEqualTo("error: " + funcs
                        + ", line 2: the row has 5 fields but the header has 4 (a comma inside a value needs quotes)");
    }

    @Test
    void azure2021FileWithAFieldFewer_inAnExperiment() throws Exception {
        Path az = tmp.resolve("az.txt");
        Files.writeString(az, "app,func,end_timestamp,duration\na,f,1,0.5\na,f,2\n");
        Path e = tmp.resolve("az.json");
        Files.writeString(e, "{\"workload\": {\"azure2021\": {\"file\": \"az.txt\"}}}");
        assertThat(fails("run", "--experiment", e.toString(), "--out", out.toString()))
                .isEqualTo(
                        "error: " + az + ", line 3: the row has 3 fields but the header has 4 (no value for duration)");
    }
}
