package gpufaas.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Runs Main in-process and keeps what it printed. */
record Cli(int status, String out, String err) {

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(status, out.toString(), err.toString());
    }

    /** A tiny workload: two functions, five arrivals. */
    static Path[] tinyInputs(Path dir) throws Exception {
        Path functions = dir.resolve("funcs.csv");
        Path trace = dir.resolve("trace.csv");
        Files.writeString(functions, "func_name,cold_dur_ms,warm_dur_ms,mem_mb\nf1,2000,100,1024\ng2,3000,500,2048\n");
        Files.writeString(trace, "func_name,invoke_time_ms\nf1,0\ng2,10\nf1,50\nf1,1000\ng2,1200.5\n");
        return new Path[] {trace, functions};
    }

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
