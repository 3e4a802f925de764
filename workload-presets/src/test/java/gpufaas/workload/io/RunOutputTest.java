package gpufaas.workload.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputTest {
    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void writeRun(Path dir, boolean force, String... files) throws Exception {
        try (RunOutput out = RunOutput.open(dir, force)) {
            for (String f : files) Files.writeString(out.part(f), f + " new");
            out.commit(ManifestWriter.run("1.0").seed(1));
        }
    }

    @Test
    void commitRenamesThePartsAndWritesTheManifestLast(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("a/b");
        writeRun(dir, false, "x.csv", "y.json");
        assertThat(names(dir)).containsExactly("manifest.json", "x.csv", "y.json");
        assertThat(Files.readString(dir.resolve("x.csv"))).isEqualTo("x.csv new");
        assertThat(RunOutput.completeOutputs(dir)).containsExactly("x.csv", "y.json");
        assertThat(Files.readString(dir.resolve("manifest.json")))
                .contains("\"outputs\": [\n    \"x.csv\",\n    \"y.json\"\n  ]");
    }

    @Test
    void failureBeforeCommitRemovesEverythingIncludingTheFolderItMade(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("a/b");
        try (RunOutput out = RunOutput.open(dir, false)) {
            Files.writeString(out.part("x.csv"), "partial");
        }
        assertThat(tmp.resolve("a")).doesNotExist();
    }

    @Test
    void refusesAForeignNonEmptyFolderUnlessForced(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> RunOutput.open(tmp, false))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("--out")
                .hasMessageContaining("not empty")
                .hasMessageContaining("--force");
        writeRun(tmp, true, "x.csv");
        assertThat(names(tmp)).containsExactly("manifest.json", "notes.txt", "x.csv");
    }

    @Test
    void replacesAPreviousCompleteOutputAndDropsItsStaleFiles(@TempDir Path tmp) throws Exception {
        writeRun(tmp, false, "x.csv", "old.csv");
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        writeRun(tmp, false, "x.csv");
        assertThat(names(tmp)).containsExactly("manifest.json", "notes.txt", "x.csv");
    }

    @Test
    void aFailedRerunLeavesThePreviousOutputIntact(@TempDir Path tmp) throws Exception {
        writeRun(tmp, false, "x.csv");
        String before = Files.readString(tmp.resolve("manifest.json"));
        try (RunOutput out = RunOutput.open(tmp, false)) {
            Files.writeString(out.part("x.csv"), "half");
        }
        assertThat(names(tmp)).containsExactly("manifest.json", "x.csv");
        assertThat(Files.readString(tmp.resolve("x.csv"))).isEqualTo("x.csv new");
        assertThat(Files.readString(tmp.resolve("manifest.json"))).isEqualTo(before);
    }

    @Test
    void aFailedSweepRemovesItsPointsAndNeverLooksComplete(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("sweep");
        try (RunOutput sweep = RunOutput.open(dir, false)) {
            Path point = sweep.folder("000-a");
            writeRun(point, false, "x.csv");
            sweep.part("sweep.csv");
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void aFileIsNotAFolder(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("f");
        Files.writeString(f, "x");
        assertThatThrownBy(() -> RunOutput.open(f, true))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("not a folder");
    }

    @Test
    void manifestHasNoTimestampAndChecksumsInputs(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("trace.csv");
        Files.writeString(in, "abc");
        String text = ManifestWriter.run("1.2.3")
                .command(List.of("run", "--seed", "4"))
                .seed(4)
                .workload("w")
                .input("trace", in)
                .backend("sim")
                .toText(List.of("b", "a"));
        assertThat(text)
                .isEqualTo("{\n  \"tool\": \"gpufaas-workbench\",\n  \"kind\": \"run\",\n  \"version\": \"1.2.3\",\n"
                        + "  \"command\": [\n    \"run\",\n    \"--seed\",\n    \"4\"\n  ],\n  \"seed\": 4,\n  \"workload\": \"w\",\n"
                        + "  \"inputs\": [\n    {\n      \"role\": \"trace\",\n      \"path\": \"" + in + "\",\n"
                        + "      \"sha256\": \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"\n    }\n  ],\n"
                        + "  \"backend\": \"sim\",\n  \"outputs\": [\n    \"a\",\n    \"b\"\n  ]\n}\n");
    }
}
