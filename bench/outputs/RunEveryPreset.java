import gpufaas.app.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every built-in preset under every policy (on the simulator) into OUT/PRESET/POLICY, and
 * writes OUT/status.txt with each run's exit status and first error line. Presets and policies are
 * read from the command line's own listings ({@code presets}, {@code policies}), and runs go through
 * {@code Main.execute} alone, so this file compiles and runs against the build of any commit that
 * has them (bench/outputs-identical.sh).
 */
public final class RunEveryPreset {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        List<String> presets = names(run("presets"), null);
        List<String> policies = names(run("policies"), "Placements");
        StringBuilder status = new StringBuilder();
        for (String preset : presets) {
            for (String policy : policies) {
                Path dir = out.resolve(preset).resolve(policy);
                StringWriter o = new StringWriter();
                StringWriter e = new StringWriter();
                int rc = Main.execute(new PrintWriter(o), new PrintWriter(e), "run", "--preset", preset, "--policy", policy,
                        "--backend", "sim", "--out", dir.toString(), "--force");
                String err = e.toString().lines().filter(l -> l.startsWith("error") || l.startsWith("internal")).findFirst().orElse("");
                status.append(preset).append(' ').append(policy).append(' ').append(rc).append(' ').append(err).append('\n');
            }
        }
        Files.writeString(out.resolve("status.txt"), status.toString());
    }

    private static String run(String command) {
        StringWriter o = new StringWriter();
        Main.execute(new PrintWriter(o), new PrintWriter(new StringWriter()), command);
        return o.toString();
    }

    /** The names a listing gives on lines "  name  ..." (two spaces in), up to a line starting with {@code stop}. */
    private static List<String> names(String listing, String stop) {
        List<String> out = new ArrayList<>();
        for (String line : listing.split("\n")) {
            if (stop != null && line.startsWith(stop)) break;
            if (line.startsWith("  ") && line.length() > 2 && Character.isLetter(line.charAt(2))) {
                out.add(line.substring(2).split("\\s+")[0]);
            }
        }
        return out;
    }
}
