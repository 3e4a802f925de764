package gpufaas.engine.run;

/** Receives time-series rows as the run passes each interval boundary. */
@FunctionalInterface
public interface TimeSeriesSink {
    void row(TimeSeriesRow row);

    TimeSeriesSink NONE = r -> {};
}
