/**
 * The Latency tab: rolling mean and p99 of end-to-end latency over simulated time, the latency
 * CDF and per-function bars, with several runs overlaid. {@link gpufaas.views.latency.LatencyAggregator}
 * bins completions into time buckets on the engine thread (plain Java, bounded memory) and hands out
 * immutable {@link gpufaas.views.latency.LatencyCurves} for the charts.
 */
package gpufaas.views.latency;
