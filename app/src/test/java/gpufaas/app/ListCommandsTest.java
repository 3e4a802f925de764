package gpufaas.app;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.policy.PolicyRegistry;
import gpufaas.engine.run.EngineParams;
import org.junit.jupiter.api.Test;

class ListCommandsTest {
    @Test
    void policiesListsEveryPolicyWithParametersAndTheDeviceKnobs() {
        Cli r = Cli.run("policies");
        assertThat(r.status()).isZero();
        for (String p : PolicyRegistry.registry().names()) assertThat(r.out()).contains("\n  " + p);
        assertThat(r.out())
                .contains("(aliases: mqfq_select_out_len, mqfq-select-out-len)")
                .contains("T  double, default 5, range [0, 1000000], aliases: allowed_overrun, overrun")
                .contains("Placements (--placement NAME):")
                .contains("Admission controls (--admission NAME):")
                .contains("Device parameters (--param KEY=VALUE, under every policy):");
        EngineParams.SPECS.forEach(s -> assertThat(r.out()).contains("\n  " + s.name() + "  "));
    }

    @Test
    void presetsAndDevices() {
        Cli p = Cli.run("presets");
        assertThat(p.status()).isZero();
        assertThat(p.out()).contains("\n  teaching-3\n").contains("\n  paper-medium\n");
        Cli d = Cli.run("devices");
        assertThat(d.status()).isZero();
        assertThat(d.out())
                .contains("\n  a30\n")
                .contains("\n  h100\n")
                .contains(" SMs, host link ")
                .contains("MIG: ");
    }

    @Test
    void helpAndVersion() {
        Cli h = Cli.run("--help");
        assertThat(h.status()).isZero();
        assertThat(h.out())
                .contains("run")
                .contains("sweep")
                .contains("policies")
                .contains("screenshot")
                .contains("calibrate");
        Cli v = Cli.run("--version");
        assertThat(v.status()).isZero();
        assertThat(v.out()).startsWith("workbench " + Version.get() + System.lineSeparator() + "commit ");
        assertThat(Cli.run("run", "--help").out()).contains("--no-invocations").contains("--param=KEY=VALUE");
    }
}
