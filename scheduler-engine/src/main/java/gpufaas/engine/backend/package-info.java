/**
 * The execution backend interface: what the engine asks of whatever runs invocations (the simulated
 * GPU model, real containers, real GPUs) and the callbacks through which backends report back.
 */
package gpufaas.engine.backend;
