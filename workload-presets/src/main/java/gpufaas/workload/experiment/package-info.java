/**
 * Experiments as JSON: the spec records bound with Jackson, loading and resolving them into an
 * engine workload and a device profile with checksums of every input, sweep expansion (every list is
 * an axis), the built-in presets, and a generator of Azure-like synthetic experiments.
 */
package gpufaas.workload.experiment;
