package gpufaas.workload.azure;

import gpufaas.engine.model.FunctionSpec;

/**
 * One trace function kept by an importer.
 *
 * @param traceId       the trace's identifier (hashes joined by '/')
 * @param avgDurationMs the trace's average execution time, milliseconds
 * @param appMemoryMb   the app's average allocated memory, MB (NaN when the dataset has none)
 * @param invocations   invocations inside the imported window
 * @param benchmark     the catalog function it was mapped to
 * @param spec          the function as registered (the benchmark's timings under a unique name)
 */
public record ImportedFunction(
        String traceId,
        double avgDurationMs,
        double appMemoryMb,
        long invocations,
        String benchmark,
        FunctionSpec spec) {}
