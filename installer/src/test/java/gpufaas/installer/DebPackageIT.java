package gpufaas.installer;

import static gpufaas.installer.HostCommand.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The .deb as a user gets it: built by {@code installer/build.sh} from the jars the build just made,
 * installed on this machine with {@code apt-get install ./...deb}, run, and purged; then nothing of
 * it may be left in /opt, /usr/bin, the manual pages or the menu folders. First on this host as it is
 * (CI and servers: no desktop), then with a desktop menu system (Debian's xdg-utils and the menu
 * folders), where the GUI's menu entry must come and go with the package. Runs as root where dpkg
 * and apt-get are (CI); elsewhere it is skipped, and says why.
 */
@Tag("deb")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DebPackageIT {
    private static final String PACKAGE = "gpufaas-workbench";
    private static final Path OPT = Path.of("/opt", PACKAGE);
    private static final Path ENTRY = Path.of("/usr/share/applications", PACKAGE + ".desktop");
    private static final Path DIRECTORIES = Path.of("/usr/share/desktop-directories");
    private static final Path STATE = Path.of("/var/lib", PACKAGE);
    private static final String DEFAULT_DPKG_PATH = "/usr/sbin:/usr/bin:/sbin:/bin";

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path WORK = ROOT.resolve("installer/target/deb-it");
    private static Path deb;

    @BeforeAll
    static void buildPackage() throws Exception {
        assumeTrue(
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux"),
                "not Linux: the .deb is installed only on Debian-like systems");
        assumeTrue(
                HostCommand.onPath("dpkg") && HostCommand.onPath("apt-get") && HostCommand.onPath("dpkg-deb"),
                "no dpkg, dpkg-deb and apt-get here: the .deb cannot be installed on this machine");
        assumeTrue(
                "0".equals(run(Duration.ofSeconds(10), "id", "-u").out().strip()),
                "not root: the test installs and purges the .deb with apt-get, which needs root (CI runs as root)");
        assumeTrue(
                !installed(),
                PACKAGE + " is installed on this machine: the test would replace and purge it, so it leaves it alone");
        for (String module : List.of("scheduler-engine", "gpu-backend", "workload-presets", "views", "app")) {
            assumeTrue(
                    packaged(ROOT.resolve(module)),
                    module + "'s jar is missing or older than its classes: the package is made of the jars, so run "
                            + "the whole build (./workbench test, i.e. mvn install) rather than this module alone");
        }
        String built = builtCommit();
        String head = HostCommand.onPath("git")
                ? run(Duration.ofSeconds(30), "git", "-C", ROOT.toString(), "rev-parse", "-q", "--verify", "HEAD")
                        .out()
                        .strip()
                : "";
        assumeTrue(
                head.isEmpty() || head.equals(built),
                "the jars were built from commit " + built + " and the checkout is at " + head
                        + ": run the whole build (./workbench test) so that the package and ./workbench run the same build");
        HostCommand.deleteTree(WORK);
        Files.createDirectories(WORK);
        long t0 = System.nanoTime();
        HostCommand.Result build = run(
                Duration.ofMinutes(8),
                ROOT.resolve("installer/build.sh").toString(),
                "--no-maven",
                "--out",
                WORK.toString());
        assertThat(build.status())
                .as("installer/build.sh failed:%n%s", build.tail())
                .isZero();
        try (Stream<Path> s = Files.list(WORK)) {
            deb = s.filter(p -> p.getFileName().toString().endsWith(".deb"))
                    .findFirst()
                    .orElseThrow();
        }
        log("built %s (%d MB) in %.0f s", deb.getFileName(), Files.size(deb) >> 20, seconds(t0));
    }

    @AfterEach
    void purgeWhatAFailedStepLeftInstalled() throws Exception {
        // so that the machine is as the test found it, and the next test starts from there
        if (deb != null && installed()) run(Duration.ofMinutes(3), apt(DEFAULT_DPKG_PATH, "purge", PACKAGE));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        HostCommand.deleteTree(WORK);
    }

    @Test
    @Order(1)
    void installRunAndPurge_onThisHost_commandsWorkAndNothingIsLeft() throws Exception {
        boolean desktop = XdgUtils.menuSystemOn(DEFAULT_DPKG_PATH);
        Leftovers before = Leftovers.take();
        long t0 = System.nanoTime();
        HostCommand.Result install = run(Duration.ofMinutes(5), apt(DEFAULT_DPKG_PATH, "install", deb.toString()));
        assertThat(install.status())
                .as("apt-get install failed:%n%s", install.tail())
                .isZero();
        log("installed in %.0f s (a desktop menu system here: %s)", seconds(t0), desktop);
        assertThat(install.out())
                .contains(
                        desktop
                                ? "gpufaas-workbench: desktop menu entry added"
                                : "gpufaas-workbench: no desktop menu system here");
        assertThat(Files.exists(ENTRY))
                .as("the menu entry where there is %s menu system", desktop ? "a" : "no")
                .isEqualTo(desktop);

        // both commands on PATH, as the package's own links into /opt
        for (String command : List.of(PACKAGE, PACKAGE + "-cli")) {
            Path link = Path.of("/usr/bin", command);
            assertThat(Files.isSymbolicLink(link)).as(link + " is a link").isTrue();
            assertThat(Files.readSymbolicLink(link))
                    .isEqualTo(OPT.resolve("bin").resolve(command));
            assertThat(run(Duration.ofSeconds(30), "dpkg", "-S", link.toString())
                            .out()
                            .strip())
                    .isEqualTo(PACKAGE + ": " + link);
        }
        assertThat(run(Duration.ofSeconds(30), "dpkg", "-L", PACKAGE).out())
                .contains(
                        "/usr/share/man/man1/gpufaas-workbench.1.gz\n",
                        "/usr/share/man/man1/gpufaas-workbench-cli.1.gz\n");
        // only the GUI has a desktop entry and an icon
        assertThat(names(OPT.resolve("lib"), ".desktop", ".png"))
                .containsExactly(PACKAGE + ".desktop", PACKAGE + ".png");

        // version and commit: the ones of the build the launcher runs
        String[] version = run(Duration.ofMinutes(1), PACKAGE + "-cli", "--version")
                .out()
                .strip()
                .split("\\R");
        String[] launcherVersion = launcher("--version").out().strip().split("\\R");
        assertThat(version).hasSize(2);
        assertThat(version[0]).isEqualTo(launcherVersion[0].replaceFirst("^workbench ", PACKAGE + "-cli "));
        assertThat(version[1]).startsWith("commit ").isEqualTo(launcherVersion[1]);

        // the installed command computes what ./workbench computes
        t0 = System.nanoTime();
        Path installedRun = WORK.resolve("run-installed");
        Path launcherRun = WORK.resolve("run-launcher");
        HostCommand.Result a = run(
                Duration.ofMinutes(2),
                PACKAGE + "-cli",
                "run",
                "--preset",
                "paper-medium",
                "--out",
                installedRun.toString());
        assertThat(a.status())
                .as("gpufaas-workbench-cli run failed:%n%s", a.tail())
                .isZero();
        HostCommand.Result b = launcher("run", "--preset", "paper-medium", "--out", launcherRun.toString());
        assertThat(b.status()).as("./workbench run failed:%n%s", b.tail()).isZero();
        assertThat(summaryWithoutWallTime(installedRun)).isEqualTo(summaryWithoutWallTime(launcherRun));
        for (String file : List.of("summary.csv", "invocations.csv", "timeseries.csv")) {
            assertThat(Files.mismatch(installedRun.resolve(file), launcherRun.resolve(file)))
                    .as(file + " differs at byte")
                    .isEqualTo(-1L);
        }
        HostCommand.Result policies = run(Duration.ofMinutes(1), PACKAGE + "-cli", "policies");
        assertThat(policies.status())
                .as("gpufaas-workbench-cli policies failed:%n%s", policies.tail())
                .isZero();
        assertThat(policies.out()).isEqualTo(launcher("policies").out());
        log("paper-medium and policies: the installed command's output equals ./workbench's (%.0f s)", seconds(t0));

        t0 = System.nanoTime();
        purgeAndCheckNothingIsLeft(DEFAULT_DPKG_PATH, before);
        log("purged in %.0f s; nothing left", seconds(t0));
    }

    @Test
    @Order(2)
    void installAndPurge_withADesktopMenuSystem_menuEntryComesAndGoesWithThePackage() throws Exception {
        Path xdgBin = XdgUtils.find(WORK);
        assumeTrue(
                xdgBin != null,
                "xdg-utils is neither installed nor obtainable with apt-get download: "
                        + "the desktop menu case is not checked on this machine");
        String dpkgPath = xdgBin + ":" + DEFAULT_DPKG_PATH;
        // the menu folders a desktop's menu packages make; made here for the test where missing, removed after
        List<Path> made = new ArrayList<>();
        for (Path dir : List.of(ENTRY.getParent(), DIRECTORIES)) {
            if (!Files.isDirectory(dir)) made.add(Files.createDirectories(dir));
        }
        try {
            Leftovers before = Leftovers.take();
            long t0 = System.nanoTime();
            HostCommand.Result install = run(Duration.ofMinutes(5), apt(dpkgPath, "install", deb.toString()));
            assertThat(install.status())
                    .as("apt-get install failed:%n%s", install.tail())
                    .isZero();
            assertThat(install.out()).contains("gpufaas-workbench: desktop menu entry added");
            assertThat(Files.readString(ENTRY))
                    .contains(
                            "\nExec=/opt/gpufaas-workbench/bin/gpufaas-workbench\n",
                            "\nIcon=/opt/gpufaas-workbench/lib/gpufaas-workbench.png\n");
            assertThat(Files.readAllLines(STATE.resolve("menu-entries"))).containsExactly(ENTRY.toString());
            assertThat(Leftovers.take().addedSince(before))
                    .as("what the install added outside /opt")
                    .allMatch(p -> p.startsWith(OPT)
                            || p.startsWith(Path.of("/usr/bin"))
                            || p.startsWith(Path.of("/usr/share/man"))
                            || p.equals(ENTRY)
                            || p.startsWith(STATE))
                    .contains(ENTRY)
                    .noneMatch(p -> p.getFileName().toString().contains("-cli.desktop"));
            log("with a desktop menu system: installed with the menu entry in %.0f s", seconds(t0));
            purgeAndCheckNothingIsLeft(dpkgPath, before);
            log("with a desktop menu system: purged; the menu entry went with it");
        } finally {
            for (Path dir : made.reversed()) {
                try (Stream<Path> s = Files.list(dir)) {
                    if (s.findAny().isEmpty()) Files.delete(dir);
                }
            }
        }
    }

    private static void purgeAndCheckNothingIsLeft(String dpkgPath, Leftovers before) throws Exception {
        HostCommand.Result purge = run(Duration.ofMinutes(3), apt(dpkgPath, "purge", PACKAGE));
        assertThat(purge.status()).as("apt-get purge failed:%n%s", purge.tail()).isZero();
        HostCommand.Result status = run(Duration.ofSeconds(30), "dpkg", "-s", PACKAGE);
        assertThat(status.status())
                .as("dpkg -s after the purge:%n%s", status.tail())
                .isNotZero();
        assertThat(status.err()).contains("package '" + PACKAGE + "' is not installed");
        assertThat(OPT).doesNotExist();
        assertThat(Path.of("/opt")).as("/opt, the base system's").isDirectory();
        assertThat(Leftovers.take().leftSince(before))
                .as("files the package left behind")
                .isEmpty();
    }

    /** apt-get, unattended, waiting for the dpkg lock, with the PATH dpkg gives the maintainer scripts. */
    private static String[] apt(String dpkgPath, String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "env",
                "DEBIAN_FRONTEND=noninteractive",
                "apt-get",
                "-y",
                "-q",
                "-o",
                "DPkg::Lock::Timeout=120",
                "-o",
                "DPkg::Path=" + dpkgPath));
        cmd.addAll(List.of(args));
        return cmd.toArray(String[]::new);
    }

    private static HostCommand.Result launcher(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = ROOT.resolve("workbench").toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        return run(Duration.ofMinutes(3), cmd);
    }

    private static boolean installed() throws IOException, InterruptedException {
        HostCommand.Result r = run(Duration.ofSeconds(30), "dpkg-query", "-W", "-f=${db:Status-Status}", PACKAGE);
        return r.status() == 0
                && !r.out().strip().equals("not-installed")
                && !r.out().isBlank();
    }

    /** The commit the app module's build recorded (empty outside a checkout). */
    private static String builtCommit() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve("app/target/classes/gpufaas/app/version.properties"))) {
            p.load(in);
        }
        return p.getProperty("commit", "").strip();
    }

    /** Whether the module's jar is there and no older than its classes (made by this build's package phase). */
    private static boolean packaged(Path module) throws IOException {
        Path target = module.resolve("target");
        Path jar;
        try (Stream<Path> s = Files.list(target)) {
            jar = s.filter(p -> p.getFileName().toString().matches(".*-\\d[^-]*(-SNAPSHOT)?\\.jar"))
                    .findFirst()
                    .orElse(null);
        } catch (NoSuchFileException none) {
            return false;
        }
        if (jar == null) return false;
        FileTime jarTime = Files.getLastModifiedTime(jar);
        try (Stream<Path> s = Files.walk(target.resolve("classes"))) {
            return s.filter(Files::isRegularFile).noneMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(jarTime) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    private static JsonNode summaryWithoutWallTime(Path runFolder) throws IOException {
        JsonNode summary =
                new ObjectMapper().readTree(runFolder.resolve("summary.json").toFile());
        ((ObjectNode) summary).remove("wall_ms");
        ((ObjectNode) summary).remove("events_per_s");
        return summary;
    }

    private static Set<String> names(Path dir, String... suffixes) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString())
                    .filter(n -> Stream.of(suffixes).anyMatch(n::endsWith))
                    .forEach(out::add);
        }
        return out;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void log(String format, Object... args) {
        System.out.println("deb: " + String.format(Locale.ROOT, format, args));
    }
}
