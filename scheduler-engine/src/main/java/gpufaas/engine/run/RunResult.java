package gpufaas.engine.run;

import gpufaas.engine.metrics.RunSummary;

/** What a finished run produced: its summary and whether it ran to completion. */
public record RunResult(RunSummary summary, boolean complete, String incompleteReason) {}
