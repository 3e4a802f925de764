package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LauncherNameTest {
    @AfterEach
    void clear() {
        System.clearProperty(LauncherName.APP_PATH_PROPERTY);
        System.clearProperty(GuiLauncher.DISPLAY_PROPERTY);
    }

    @Test
    void fromACheckout_usageSaysWorkbenchAndHintsSayTheScript() {
        assertThat(LauncherName.installed()).isNull();
        assertThat(LauncherName.command()).isEqualTo("./workbench");
        assertThat(Cli.run("run", "--help").out().replaceAll("\\s+", " "))
                .startsWith("Usage: workbench run ")
                .contains("(see: workbench presets)");
    }

    @Test
    void fromAnInstalledLauncher_usageVersionAndHintsSayItsName() {
        System.setProperty(LauncherName.APP_PATH_PROPERTY, "/opt/gpufaas-workbench/bin/gpufaas-workbench-cli");
        assertThat(LauncherName.command()).isEqualTo("gpufaas-workbench-cli");
        assertThat(Cli.run("run", "--help").out().replaceAll("\\s+", " "))
                .startsWith("Usage: gpufaas-workbench-cli run ")
                .contains("(see: gpufaas-workbench-cli presets)");
        Cli v = Cli.run("--version");
        assertThat(v.status()).isZero();
        assertThat(v.out()).startsWith("gpufaas-workbench-cli " + Version.get() + System.lineSeparator() + "commit ");
        System.setProperty(GuiLauncher.DISPLAY_PROPERTY, "none");
        assertThat(GuiLauncher.displayProblem())
                .contains("gpufaas-workbench-cli screenshot renders the window headless; gpufaas-workbench-cli --help");
    }
}
