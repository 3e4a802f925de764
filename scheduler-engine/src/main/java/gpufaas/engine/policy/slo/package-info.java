/**
 * SLO-aware ordering (slo-and-kaas-policies §2): earliest deadline, least slack, EDF preferring
 * warm functions, and cost-aware ordering. Invocations without an SLO have no deadline and come
 * after every one that has one, in arrival order.
 */
package gpufaas.engine.policy.slo;
