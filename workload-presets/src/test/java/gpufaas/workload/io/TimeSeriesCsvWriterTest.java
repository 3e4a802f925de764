package gpufaas.workload.io;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.run.TimeSeriesRow;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TimeSeriesCsvWriterTest {
    @Test
    void rowsPrintExactTimesAndRoundedDoubles() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TimeSeriesCsvWriter w = new TimeSeriesCsvWriter(bytes)) {
            w.row(new TimeSeriesRow(
                    1.0, "a30-0", 3, 2, 1, 0.75, 6144, 24576, 2, 1, 10, 4, 1, 123.45678912, 1, false, 1, 600, 2.5));
            w.row(new TimeSeriesRow(1.0, "cpu", 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, Double.NaN, 0, false, 1, 0, 2.5));
            w.row(new TimeSeriesRow(
                    2.000001,
                    "a30-0",
                    0,
                    0,
                    0,
                    1.0 / 3,
                    3072.5,
                    24576,
                    1,
                    0,
                    0,
                    0,
                    0,
                    Double.NaN,
                    0,
                    true,
                    1.4,
                    300,
                    0));
            assertThat(w.rows()).isEqualTo(3);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "time_s,device,queued,in_flight,executing,utilization,mem_used_mb,mem_capacity_mb,containers,"
                                + "containers_on_host,arrivals,completed,cold_starts,mean_e2e_ms,failed,oversubscribed,paging_factor,"
                                + "mem_context_mb,mean_in_system\n"
                                + "1,a30-0,3,2,1,0.75,6144,24576,2,1,10,4,1,123.457,1,0,1,600,2.5\n"
                                + "1,cpu,0,0,0,0,0,0,0,0,10,0,0,,0,0,1,0,2.5\n"
                                + "2.000001,a30-0,0,0,0,0.333333,3072.5,24576,1,0,0,0,0,,0,1,1.4,300,0\n");
    }
}
