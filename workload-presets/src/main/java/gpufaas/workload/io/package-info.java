/**
 * Result writers of a run folder: {@code invocations.csv} (streamed, byte-level, one row per ended
 * invocation), {@code timeseries.csv}, {@code summary.csv}, {@code summary.json} and
 * {@code manifest.json}, and {@link gpufaas.workload.io.RunOutput}, which writes a folder safely
 * (files as {@code NAME.part}, renamed at the end, the manifest last, everything removed on failure).
 *
 * <p>Determinism: the same seed and inputs give byte-identical files. Numbers are printed by
 * {@link gpufaas.workload.io.Num}: times measured in microseconds exactly (integer arithmetic),
 * other doubles rounded to 6 significant digits; NaN is an empty CSV field or JSON {@code null}.
 * The host-dependent values are {@code wall_ms} and {@code events_per_s} in {@code summary.json}
 * (the run's wall-clock time, and its events per wall-clock second); no file holds a timestamp.
 */
package gpufaas.workload.io;
