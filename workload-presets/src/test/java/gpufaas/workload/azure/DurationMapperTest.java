package gpufaas.workload.azure;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.workload.catalog.BenchmarkCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationMapperTest {
    private static final List<FunctionSpec> CATALOG = BenchmarkCatalog.get().functions();

    @Test
    void map_betweenTwoWarmTimes_picksTheLowerOne() {
        assertThat(DurationMapper.map(2000, CATALOG).name()).isEqualTo("lavamd"); // 1989 <= 2000 < 2050
        assertThat(DurationMapper.map(2050, CATALOG).name()).isEqualTo("lud"); // equal counts as not above
    }

    @Test
    void map_longerThanEverything_picksTheLongest() {
        assertThat(DurationMapper.map(1e9, CATALOG).name()).isEqualTo("ffmpeg");
    }

    @Test
    void map_shorterThanEverything_fallsBackToTheShortest() {
        assertThat(DurationMapper.map(1, CATALOG).name()).isEqualTo("eos");
    }

    @Test
    void offsetUs_evenly_isHalfStepsOfTheMinute() {
        assertThat(Spreading.EVENLY.offsetUs(0, 4)).isEqualTo(7_500_000L);
        assertThat(Spreading.EVENLY.offsetUs(3, 4)).isEqualTo(52_500_000L);
        assertThat(Spreading.START_OF_MINUTE.offsetUs(5, 9)).isZero();
    }
}
