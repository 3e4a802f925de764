/**
 * Queueing policies: one narrow interface (enqueue, next, completed, queued, snapshot), an extension
 * for batching, the characteristics a policy asks of the engine, what it adds to its run's summary,
 * and the explicit registry whose entries declare each policy's name, description, parameters and
 * factory in one place for the CLI, GUI and docs.
 */
package gpufaas.engine.policy;
