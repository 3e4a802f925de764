package gpufaas.engine.metrics;

import java.util.Objects;

/**
 * One named value of a run's summary: a key of {@code summary.json} and a column of
 * {@code sweep.csv}. {@code name} is snake_case; {@code value} a String, Long or Double (NaN where
 * nothing was measured).
 */
public record Metric(String name, Object value) {
    public Metric {
        Objects.requireNonNull(name, "name");
    }
}
