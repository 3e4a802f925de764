/**
 * The Compare tab: the same workload under several chosen policies, run in the background on all
 * cores ({@link gpufaas.views.compare.CompareRunner}, one engine per policy as in Caffeine's
 * simulator), with a table (mean, p50, p99, cold %, utilization, fairness) and overlaid charts.
 */
package gpufaas.views.compare;
