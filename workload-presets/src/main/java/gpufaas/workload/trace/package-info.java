/**
 * Ilúvatar-compatible files: the trace CSV ({@code func_name,invoke_time_ms}), read as a streaming
 * byte-level {@code ArrivalSource} fast enough for traces of hundreds of millions of lines, and the
 * functions CSV (Ilúvatar's GPU columns plus optional overrides), each with a writer.
 */
package gpufaas.workload.trace;
