package gpufaas.installer;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A command run on this machine, with its output kept (in files: no pipe can fill up) and a time limit. */
final class HostCommand {
    private HostCommand() {}

    /** What a command printed and its exit status (-1: killed at its time limit). */
    record Result(int status, String out, String err) {
        /** The last lines of both outputs, for a failure's message. */
        String tail() {
            List<String> lines =
                    (out + (err.isEmpty() ? "" : "\n[stderr]\n" + err)).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        }
    }

    static Result run(Duration limit, String... command) throws IOException, InterruptedException {
        return run(null, limit, command);
    }

    static Result run(Path dir, Duration limit, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("host-command", ".out");
        Path err = Files.createTempFile("host-command", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            if (dir != null) pb.directory(dir.toFile());
            Process p = pb.start();
            int status;
            if (p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                status = p.exitValue();
            } else {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
                status = -1;
            }
            String errText = Files.readString(err, StandardCharsets.UTF_8);
            if (status == -1)
                errText += "\n(killed after " + limit.toSeconds() + " s: " + String.join(" ", command) + ")";
            return new Result(status, Files.readString(out, StandardCharsets.UTF_8), errText);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The folder on PATH (or on {@code path}, a PATH-like list) that has an executable {@code tool}, or null. */
    static Path find(String tool, String path) {
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return Path.of(dir);
        }
        return null;
    }

    static boolean onPath(String tool) {
        return find(tool, System.getenv().getOrDefault("PATH", "")) != null;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
