package gpufaas.views.compare;

import gpufaas.engine.metrics.RunSummary;
import gpufaas.views.latency.LatencyCurves;

/** One policy's finished run in a comparison: its summary and latency curves. */
public record CompareResult(String policy, String label, RunSummary summary, LatencyCurves curves, long wallMs) {}
