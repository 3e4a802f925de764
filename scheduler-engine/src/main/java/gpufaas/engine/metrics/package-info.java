/** Streaming metrics: per-function and overall latency distributions, counts, utilization, fairness. */
package gpufaas.engine.metrics;
