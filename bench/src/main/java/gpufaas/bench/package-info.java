/**
 * Benchmarks: JMH microbenchmarks of the dispatch decision and scale runs of the whole command
 * line path. Not part of the test run; figures and commands are in docs/perf/.
 */
package gpufaas.bench;
