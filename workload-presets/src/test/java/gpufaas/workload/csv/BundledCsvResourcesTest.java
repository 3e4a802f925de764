package gpufaas.workload.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSV files shipped as resources (the benchmark catalog and the calibration tables) are read
 * through {@link CsvFile}: every row must have as many fields as its header, or the reader that
 * loads it fails at start-up. Reads each file to the end.
 */
class BundledCsvResourcesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/gpufaas/catalog/benchmarks.csv",
                "/gpufaas/calibration/published-results.csv",
                "/gpufaas/calibration/dissertation-trace-mixes.csv"
            })
    void everyRow_hasTheHeadersFieldCount(String resource) throws IOException {
        try (InputStream in = CsvFile.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (CsvFile csv = CsvFile.of(in, resource)) {
                int rows = 0;
                while (csv.next()) {
                    assertThat(csv.size()).isEqualTo(csv.header().size());
                    rows++;
                }
                assertThat(rows).as(resource).isPositive();
            }
        }
    }
}
