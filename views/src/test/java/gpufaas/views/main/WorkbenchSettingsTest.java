package gpufaas.views.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchSettingsTest {
    @TempDir
    Path tmp;

    @Test
    void savedValues_comeBackInTheNextSession() {
        WorkbenchSettings s = WorkbenchSettings.in(tmp.resolve("cfg"));
        s.set("window.width", 1234.0);
        s.set("theme.dark", true);
        s.save();
        WorkbenchSettings t = WorkbenchSettings.in(tmp.resolve("cfg"));
        assertThat(t.number("window.width", 0)).isEqualTo(1234.0);
        assertThat(t.dark()).isTrue();
        assertThat(t.presenter()).isFalse();
        assertThat(t.lastExperiment()).isEqualTo(tmp.resolve("cfg").resolve("last-experiment.json"));
    }

    @Test
    void aBrokenFile_givesTheDefaults_andNoneRemembersNothing() throws Exception {
        Files.createDirectories(tmp.resolve("cfg"));
        Files.write(tmp.resolve("cfg/settings.properties"), new byte[] {'\\', 'u', 'z', 'z'});
        WorkbenchSettings s = WorkbenchSettings.in(tmp.resolve("cfg"));
        assertThat(s.number("window.width", 1600)).isEqualTo(1600);
        WorkbenchSettings none = WorkbenchSettings.none();
        none.save();
        assertThat(none.remembers()).isFalse();
        assertThat(none.lastExperiment()).isNull();
    }

    @Test
    void frameStats_countStallsAndQuantiles() {
        FrameStats f = new FrameStats();
        long t = 0;
        for (int i = 0; i < 100; i++) {
            t += i == 50 ? 80_000_000 : 16_000_000;
            f.frame(t, 1_000_000);
        }
        assertThat(f.frames()).isEqualTo(100);
        assertThat(f.stalls()).isEqualTo(1);
        assertThat(f.intervalMs(0.5)).isEqualTo(16.0);
        assertThat(f.maxIntervalNanos()).isEqualTo(80_000_000);
        assertThat(f.applyMs(0.99)).isEqualTo(1.0);
    }
}
