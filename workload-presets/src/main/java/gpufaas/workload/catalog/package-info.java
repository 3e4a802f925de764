/**
 * The benchmark function catalog of the MQFQ-Sticky evaluation: 14 GPU functions with their
 * published V100 timings, stored as a functions-CSV resource with notes on every assumed value.
 */
package gpufaas.workload.catalog;
