package gpufaas.workload.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.device.MigProfile;
import gpufaas.engine.model.BadInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceProfilesTest {

    @Test
    void builtIn_listsTheFiveProfiles_andEachLoads() {
        assertThat(DeviceProfiles.builtIn()).containsExactly("v100", "a30", "a100-40gb", "a100-80gb", "h100");
        for (String n : DeviceProfiles.builtIn()) {
            DeviceProfile p = DeviceProfiles.load(n);
            assertThat(p.name()).isEqualTo(n);
            assertThat(p.contextMemMb()).isEqualTo(300);
            assertThat(p.slowdownCurve()).containsExactly(1.0, 1.7, 2.85, 4.0, 5.15, 6.3);
            assertThat(p.faultGBps()).isEqualTo(p.linkGBps() / 2);
            assertThat(p.mpsSlowdownCurve()).containsExactly(1.0, 1.12, 1.3, 1.55, 1.8, 2.1);
            assertThat(p.uvmOversubscribedFactor()).isEqualTo(1.4);
            assertThat(p.utilSampleMs()).isEqualTo(200);
            assertThat(p.mpsSmSensitivity()).isEqualTo(0.5);
            assertThat(DeviceProfiles.document(n, null).sources())
                    .contains("speed")
                    .contains("indicative");
        }
    }

    @Test
    void load_a30_hasPublishedSizeAndItsMigProfiles() {
        DeviceProfile a30 = DeviceProfiles.load("A30");
        assertThat(a30.memoryMb()).isEqualTo(24576);
        assertThat(a30.sms()).isEqualTo(56);
        assertThat(a30.linkGBps()).isEqualTo(12.0);
        assertThat(a30.pricePerSecond()).isEqualTo(0.00025);
        assertThat(a30.migProfiles())
                .containsExactly(
                        new MigProfile("1g.6gb", 1, 4, 6144, 4),
                        new MigProfile("2g.12gb", 2, 4, 12288, 2),
                        new MigProfile("4g.24gb", 4, 4, 24576, 1));
        assertThat(DeviceProfiles.load("v100").migProfiles()).isEmpty();
        assertThat(DeviceProfiles.load("h100").migProfile("7g.80gb").memoryMb()).isEqualTo(81920);
    }

    @Test
    void load_speeds_matchGeometricMeanOfComputeAndBandwidthRatios() {
        assertThat(DeviceProfiles.load("v100").speed()).isEqualTo(1.0);
        assertThat(DeviceProfiles.load("a30").speed()).isCloseTo(Math.sqrt(10.3 / 15.7 * 933 / 900), within(5e-4));
        assertThat(DeviceProfiles.load("a100-40gb").speed())
                .isCloseTo(Math.sqrt(19.5 / 15.7 * 1555 / 900), within(5e-4));
        assertThat(DeviceProfiles.load("a100-80gb").speed())
                .isCloseTo(Math.sqrt(19.5 / 15.7 * 2039 / 900), within(5e-4));
        assertThat(DeviceProfiles.load("h100").speed()).isCloseTo(Math.sqrt(51 / 15.7 * 2000 / 900), within(5e-4));
    }

    @Test
    void writeThenRead_roundTripsProfileAndSources(@TempDir Path dir) {
        DeviceProfile a100 = DeviceProfiles.load("a100-80gb");
        Path file = dir.resolve("mine.json");
        DeviceProfiles.write(a100, "measured by calibrate", file);
        ProfileDocument back = DeviceProfiles.read(file);
        assertThat(back.profile()).isEqualTo(a100);
        assertThat(back.profile().pricePerSecond()).isEqualTo(a100.pricePerSecond());
        assertThat(back.sources()).isEqualTo("measured by calibrate");
        assertThat(DeviceProfiles.load(file.toString()).name()).isEqualTo("a100-80gb");
    }

    @Test
    void toJson_usesSnakeCaseFieldNames() {
        String json = DeviceProfiles.toJson(DeviceProfiles.load("a30"), null);
        assertThat(json)
                .contains(
                        "\"memory_mb\"",
                        "\"link_gbps\"",
                        "\"context_mem_mb\"",
                        "\"mps_slowdown\"",
                        "\"uvm_oversubscribed_factor\"",
                        "\"mig_profiles\"",
                        "\"compute_slices\"",
                        "\"price_per_second\"");
        assertThat(json).doesNotContain("sources", "linkGBps");
    }

    private static BadInputException readError(String json) {
        try {
            DeviceProfiles.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "p.json");
        } catch (BadInputException e) {
            return e;
        }
        throw new AssertionError("accepted " + json);
    }

    private static String valid() {
        return DeviceProfiles.toJson(DeviceProfiles.load("a30"), "s");
    }

    @Test
    void read_unknownKey_namesLineAndKey() {
        String json = valid().replace("\"sms\"", "\"smz\"");
        BadInputException e = readError(json);
        assertThat(e.field()).isEqualTo("smz");
        assertThat(e.line()).isEqualTo(lineOf(json, "\"smz\""));
        assertThat(e.getMessage()).contains("unknown key 'smz'");
    }

    @Test
    void read_badValue_namesLineAndField() {
        String json = valid().replace("\"speed\" : 0.825", "\"speed\" : -1");
        BadInputException e = readError(json);
        assertThat(e.field()).isEqualTo("speed");
        assertThat(e.line()).isGreaterThan(1);
        assertThat(e.getMessage()).contains("must be > 0");
    }

    @Test
    void read_decreasingSlowdown_isRejected() {
        BadInputException e = readError(valid().replace("1.7", "0.9"));
        assertThat(e.field()).isEqualTo("slowdown");
    }

    @Test
    void read_badMigProfile_namesThePath() {
        BadInputException e = readError(valid().replace("\"compute_slices\" : 2", "\"compute_slices\" : 9"));
        assertThat(e.field()).isEqualTo("mig_profiles[1].compute_slices");
    }

    @Test
    void read_missingField_saysRequired() {
        BadInputException e = readError("{\"name\": \"x\", \"memory_mb\": 1000}");
        assertThat(e.getMessage()).contains("required");
        assertThat(e.field()).isNotNull();
    }

    @Test
    void read_wrongType_namesFieldWithoutJavaTypes() {
        BadInputException e = readError(valid().replace("\"sms\" : 56", "\"sms\" : \"many\""));
        assertThat(e.field()).isEqualTo("sms");
        assertThat(e.getMessage()).contains("'many'").doesNotContain("java.", "`int`");
    }

    @Test
    void read_brokenJson_namesLine() {
        BadInputException e = readError("{\n  \"name\": \"x\",\n  oops\n}");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("invalid JSON");
    }

    @Test
    void load_unknownNameNotAFile_listsBuiltIns() {
        assertThatThrownBy(() -> DeviceProfiles.load("b200"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("b200")
                .hasMessageContaining("a100-40gb");
    }

    @Test
    void load_relativePath_resolvesAgainstBaseDir(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("c.json"), valid().replace("\"a30\"", "\"custom\""));
        assertThat(DeviceProfiles.load("c.json", dir).name()).isEqualTo("custom");
    }

    private static long lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return before.chars().filter(c -> c == '\n').count() + 1;
    }
}
