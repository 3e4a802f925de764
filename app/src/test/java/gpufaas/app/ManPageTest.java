package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class ManPageTest {
    private static final String PAGE = new ManPage(
                    "gpufaas-workbench-cli",
                    "GPU FaaS scheduling workbench, command line",
                    "The same commands, with the G1 collector.",
                    List.of("gpufaas-workbench(1)"))
            .render();

    @Test
    void render_everyCommandAndVisibleOption_areOnThePage() {
        StringWriter sink = new StringWriter();
        PrintWriter none = new PrintWriter(sink);
        CommandSpec root =
                Main.commandLine(new Main(none, none, List.of(), false)).getCommandSpec();
        assertThat(PAGE)
                .startsWith(".\\\" Written by gpufaas.app.ManPage")
                .contains("\n.TH \"GPUFAAS\\-WORKBENCH\\-CLI\" \"1\" \"\" \"gpufaas\\-workbench "
                        + ManPage.escape(Version.get()) + "\"")
                .contains("\n.SH \"NAME\"\ngpufaas\\-workbench\\-cli \\- GPU FaaS scheduling workbench, command line\n")
                .contains("\nThe same commands, with the G1 collector.\n")
                .contains("\n.SH \"EXIT STATUS\"\nExit status: 0 success, 2 bad input, 1 internal error.\n")
                .contains("\n.SH \"SEE ALSO\"\n\\fBgpufaas\\-workbench\\fR(1)\n");
        for (CommandLine sub : root.subcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            assertThat(PAGE).contains("\n.SS \"" + spec.name() + "\"\ngpufaas\\-workbench\\-cli " + spec.name());
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) assertThat(PAGE).contains("\\fB" + ManPage.escape(o.longestName()) + "\\fR");
            }
        }
        // descriptions name the installed command, not the checkout's script
        assertThat(PAGE)
                .contains("a built\\-in preset (see: gpufaas\\-workbench\\-cli presets)")
                .doesNotContain("./workbench");
    }

    @Test
    void render_textLines_areAsciiAndNeverReadAsRequests() {
        for (String line : PAGE.split("\n")) {
            assertThat(line.chars().allMatch(c -> c >= 0x20 && c < 0x7f))
                    .as(line)
                    .isTrue();
            if (line.startsWith("."))
                assertThat(line)
                        .as("a request or macro we wrote")
                        .matches("\\.(\\\\\" .*|TH .*|SH .*|SS .*|PP|TP|br|B .*|nh|ad l)");
            assertThat(line)
                    .as("a quote at the start of a line is a request too")
                    .doesNotStartWith("'");
        }
    }

    @Test
    void escape_backslashHyphenLeadingDotAndNonAscii() {
        assertThat(ManPage.escape("a\\b --x Ilúvatar ×2")).isEqualTo("a\\eb \\-\\-x Il\\[u00FA]vatar \\[u00D7]2");
    }

    @Test
    void render_groffFormatsThePageWithoutWarnings() throws Exception {
        assumeTrue(onPath("groff"), "groff is not installed here: the page is checked above, not typeset");
        Path page = Files.createTempFile("workbench", ".1");
        try {
            Files.writeString(page, PAGE, StandardCharsets.US_ASCII);
            Process p = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-z", page.toString())
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).as("groff's warnings").isEmpty();
            assertThat(p.exitValue()).isZero();
        } finally {
            Files.deleteIfExists(page);
        }
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) return true;
        }
        return false;
    }
}
