/**
 * Arrival generators: a sealed family of arrival processes (Poisson, two-state MMPP bursts,
 * diurnal by thinning, empirical inter-arrival times) and a streaming k-way merge of one process per
 * function, seeded per function name, with memory proportional to the number of functions.
 */
package gpufaas.workload.gen;
