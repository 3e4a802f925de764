/**
 * Importers of the Azure Functions traces: the 2019 dataset (per-minute counts spread inside each
 * minute by an explicit {@code Spreading}, durations in milliseconds, app memory in MB) and the 2021
 * trace (per invocation, end time and duration in seconds). Both select N functions (top or seeded
 * random) and map each to the benchmark function with the largest warm time not above its own
 * average duration, as the MQFQ-Sticky evaluation did.
 */
package gpufaas.workload.azure;
