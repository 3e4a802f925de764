/**
 * The scheduling engine: a deterministic event loop over invocations, flows and devices, with the
 * queueing policies (MQFQ-Sticky and its baselines), device tokens, memory ledgers, warm pools and
 * streaming metrics. Pure Java: no UI, file formats or real backends live here.
 */
package gpufaas.engine;
