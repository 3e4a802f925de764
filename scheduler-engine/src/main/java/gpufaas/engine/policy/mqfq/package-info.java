/**
 * MQFQ-Sticky (Fuerst et al.): per-function flows with start-time fair queueing tags, the global
 * virtual time V, throttling beyond the over-run T, anticipatory TTL keep-alive and the sticky
 * selection rules, with the Prefetch+Swap hooks on flow state changes.
 */
package gpufaas.engine.policy.mqfq;
