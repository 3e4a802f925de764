package gpufaas.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** Debian's xdg-utils, whose xdg-desktop-menu the package's maintainer scripts use where a desktop is. */
final class XdgUtils {
    private static final String TOOL = "xdg-desktop-menu";

    private XdgUtils() {}

    /**
     * Whether the maintainer scripts will find a desktop menu system, with {@code dpkgPath} as their
     * PATH: xdg-desktop-menu and the system menu folders it writes to.
     */
    static boolean menuSystemOn(String dpkgPath) {
        return HostCommand.find(TOOL, dpkgPath) != null
                && Files.isDirectory(Path.of("/usr/share/applications"))
                && Files.isDirectory(Path.of("/usr/share/desktop-directories"));
    }

    /**
     * The folder with xdg-desktop-menu: the installed one, else Debian's package unpacked (not
     * installed) under {@code work}; null where neither is there.
     */
    static Path find(Path work) throws IOException, InterruptedException {
        Path installed = HostCommand.find(TOOL, "/usr/sbin:/usr/bin:/sbin:/bin");
        if (installed != null) return installed;
        Path download = Files.createDirectories(work.resolve("xdg-utils"));
        HostCommand.Result got =
                HostCommand.run(download, Duration.ofMinutes(2), "apt-get", "-q", "download", "xdg-utils");
        if (got.status() != 0) return null;
        Path pkg;
        try (Stream<Path> s = Files.list(download)) {
            pkg = s.filter(p -> p.getFileName().toString().endsWith(".deb"))
                    .findFirst()
                    .orElse(null);
        }
        if (pkg == null) return null;
        Path tree = download.resolve("root");
        HostCommand.Result unpacked =
                HostCommand.run(Duration.ofMinutes(1), "dpkg-deb", "-x", pkg.toString(), tree.toString());
        Path bin = tree.resolve("usr/bin");
        return unpacked.status() == 0 && Files.isExecutable(bin.resolve(TOOL)) ? bin : null;
    }
}
