package gpufaas.sweep.spark;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --shared-dir is checked before the cluster is contacted: nothing here needs one. */
class SharedDirTest {
    @TempDir
    Path tmp;

    private String[] sweep(Path shared, Path out) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("funcs.csv"), "func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf1,2000,100,1024\n");
        Files.writeString(in.resolve("trace.csv"), "func_name,invoke_time_ms\nf1,0\n");
        Path e = in.resolve("s.json");
        Files.writeString(
                e,
                "{\"workload\": {\"functions_csv\": \"funcs.csv\", \"trace_csv\": \"trace.csv\"}, \"params\": {\"D\": [1, 2]}}");
        StringWriter o = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(
                new PrintWriter(o, true),
                new PrintWriter(err, true),
                "sweep",
                "--experiment",
                e.toString(),
                "--out",
                out.toString(),
                "--cluster",
                "spark://127.0.0.1:1",
                "--shared-dir",
                shared.toString());
        return new String[] {Integer.toString(status), err.toString()};
    }

    @Test
    void sweep_outputOutsideTheSharedFolder_exit2BeforeContactingTheCluster() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Path out = tmp.resolve("out");
        String[] r = sweep(shared, out);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1])
                .isEqualTo("error: --shared-dir: --out " + out + " is not in " + shared
                        + "; with --shared-dir the inputs and the output must be in it\n");
        assertThat(out).doesNotExist();
    }

    @Test
    void sweep_inputOutsideTheSharedFolder_exit2NamingTheFileAndPoint() throws Exception {
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        String[] r = sweep(shared, shared.resolve("out"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1])
                .isEqualTo("error: --shared-dir: " + tmp.resolve("in/funcs.csv")
                        + " (functions_csv of sweep point 0) is not in " + shared
                        + "; with --shared-dir the inputs and the output must be in it\n");
        assertThat(shared.resolve("out")).doesNotExist();
    }
}
