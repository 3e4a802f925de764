package gpufaas.engine.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gpufaas.engine.model.InvalidFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceProfileTest {
    private static DeviceProfile.Builder minimal() {
        return DeviceProfile.builder("m")
                .memoryMb(16000)
                .sms(80)
                .linkGBps(12)
                .speed(1)
                .contextMemMb(300)
                .slowdown(1, 1.7)
                .mpsSlowdown(1, 1.1)
                .mpsSmSensitivity(0.5)
                .uvmOversubscribedFactor(1.4)
                .utilSampleMs(200);
    }

    @Test
    void build_fillsTheDefaultsOfTheOptionalKnobs() {
        DeviceProfile p = minimal().build();
        assertThat(p.description()).isEmpty();
        assertThat(p.faultGBps()).isEqualTo(6.0); // half of the link
        assertThat(p.migProfiles()).isEmpty();
        assertThat(p.pricePerSecond()).isZero();
        assertThat(p.cpuPricePerSecond()).isEqualTo(DeviceProfile.DEFAULT_CPU_PRICE_PER_SECOND);
    }

    @Test
    void build_namesTheFirstMissingKnob_inDeclarationOrder() {
        assertThatThrownBy(
                        () -> DeviceProfile.builder("x").memoryMb(1000).speed(1).build())
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("sms");
                    assertThat(e.problem()).isEqualTo("is required");
                });
    }

    @Test
    void constructor_isTheOneValidation_andNamesTheFieldAsFilesSpellIt() {
        assertThatThrownBy(() -> minimal().faultGBps(13.0).build())
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("fault_gbps"));
        assertThatThrownBy(() -> minimal().slowdown(1, 0.9).build())
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.problem()).isEqualTo("factors must not decrease with k"));
        assertThatThrownBy(() -> minimal()
                        .migProfiles(List.of(new MigProfile("big", 1, 1, 20000, 1)))
                        .build())
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("mig_profiles"));
        assertThatThrownBy(() -> new MigProfile("q", 5, 4, 4000, 1))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("compute_slices"));
    }

    @Test
    void toBuilder_copiesEveryKnob_andEqualsComparesEveryKnob() {
        DeviceProfile p = minimal()
                .description("d")
                .faultGBps(5.0)
                .pricePerSecond(0.002)
                .cpuPricePerSecond(0.0)
                .migProfiles(List.of(new MigProfile("q", 1, 4, 4000, 4)))
                .build();
        assertThat(p.toBuilder().build()).isEqualTo(p);
        assertThat(p.toBuilder().pricePerSecond(0.003).build()).isNotEqualTo(p);
        assertThat(p.toBuilder().slowdown(1, 1.8).build()).isNotEqualTo(p);
    }

    @Test
    void curves_areCopied_soTheProfileCannotChangeUnderneath() {
        double[] curve = {1, 1.7};
        DeviceProfile p = minimal().slowdown(curve).build();
        curve[1] = 9;
        assertThat(p.slowdownAt(2, false)).isEqualTo(1.7);
    }
}
