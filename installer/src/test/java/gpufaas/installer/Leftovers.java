package gpufaas.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What is in the places a package and its maintainer scripts write to outside their own folder (the
 * commands, the manual pages, the menu folders, the scripts' state), to compare before an install with
 * after its purge. /opt is listed one level deep (the package's folder, not the other applications').
 */
record Leftovers(Set<Path> paths) {
    private static final List<Path> FLAT = List.of(
            Path.of("/opt"),
            Path.of("/usr/bin"),
            Path.of("/usr/share/man/man1"),
            Path.of("/usr/share/applications"),
            Path.of("/usr/share/desktop-directories"),
            Path.of("/usr/share/gnome/apps"),
            Path.of("/usr/local/share/applications"),
            Path.of("/usr/local/bin"));
    private static final List<Path> DEEP = List.of(Path.of("/etc/xdg/menus"), Path.of("/var/lib/gpufaas-workbench"));

    static Leftovers take() throws IOException {
        Set<Path> paths = new TreeSet<>();
        for (Path dir : FLAT) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(paths::add);
            }
        }
        for (Path dir : DEEP) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> s = Files.walk(dir)) {
                s.forEach(paths::add);
            }
        }
        return new Leftovers(paths);
    }

    /** What is here now and was not before. */
    Set<Path> addedSince(Leftovers before) {
        Set<Path> added = new TreeSet<>(paths);
        added.removeAll(before.paths);
        return added;
    }

    /**
     * What is here now, was not before, and belongs to no installed package: what a package removed since
     * left behind (the dependencies apt installed with it stay, with their own files).
     */
    Set<Path> leftSince(Leftovers before) throws IOException, InterruptedException {
        Set<Path> added = addedSince(before);
        if (added.isEmpty()) return added;
        List<String> cmd = new ArrayList<>(List.of("dpkg-query", "-S"));
        added.forEach(p -> cmd.add(p.toString()));
        HostCommand.Result owners = HostCommand.run(Duration.ofMinutes(1), cmd.toArray(String[]::new));
        owners.out()
                .lines()
                .filter(l -> l.contains(": /") && !l.startsWith("diversion "))
                .forEach(l -> added.remove(Path.of(l.substring(l.indexOf(": /") + 2))));
        return added;
    }
}
