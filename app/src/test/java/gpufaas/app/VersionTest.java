package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void commit_isTheCheckoutsHead_orSaysUnknownOutsideOne() throws Exception {
        // the build recorded the commit of the tree it was built from: the tests' own tree
        String head = git("rev-parse", "HEAD");
        if (head == null) {
            assertThat(Version.commit()).startsWith("commit unknown (");
        } else {
            assertThat(Version.commit()).matches("commit " + head + "( \\(with uncommitted changes\\))?");
        }
    }

    @Test
    void commitLine_recordedCleanDirtyOrNot() {
        String id = "60a0f1119efc8323db6bcb9eba10526cd9b6e382";
        assertThat(Version.commitLine(id, "false")).isEqualTo("commit " + id);
        assertThat(Version.commitLine(id, "true")).isEqualTo("commit " + id + " (with uncommitted changes)");
        // a build outside a checkout leaves the filtered placeholder (or nothing)
        assertThat(Version.commitLine(null, null)).startsWith("commit unknown (not recorded");
        assertThat(Version.commitLine("${git.commit.id.full}", "${git.dirty}")).startsWith("commit unknown (");
    }

    @Test
    void version_isTheBuildsProjectVersion() {
        assertThat(Version.get()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    /** git's answer in the repository around the module, or null where there is none. */
    private static String git(String... args) throws Exception {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "git";
        cmd[1] = "-C";
        cmd[2] = Path.of("").toAbsolutePath().getParent().toString();
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p;
        try {
            p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noGit) {
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty() ? out : null;
    }
}
