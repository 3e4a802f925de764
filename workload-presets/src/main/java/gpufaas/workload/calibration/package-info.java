/**
 * The published measurements the simulated GPU is calibrated against (the MQFQ-Sticky
 * dissertation, V100): the per-function invocation counts of its nine traces, and the measured
 * mean latency and GPU utilization of MQFQ-Sticky, FCFS and Batch on five of them; read from the
 * resources {@code gpufaas/calibration/*.csv}.
 */
package gpufaas.workload.calibration;
