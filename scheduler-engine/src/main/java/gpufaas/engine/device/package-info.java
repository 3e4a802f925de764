/**
 * Devices as the engine sees them: GPUs, MIG instances and the CPU pool, each with concurrency
 * tokens (D_max), a utilization estimate with its gate, a memory ledger and a warm-container pool.
 */
package gpufaas.engine.device;
