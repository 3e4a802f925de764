/**
 * The baselines the paper compares against: FCFS with and without a container pool, whole-queue
 * and sized batching, Paella-style SJF with a deficit fairness threshold, SJF and EEDF.
 */
package gpufaas.engine.policy.baseline;
