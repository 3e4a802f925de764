/** CPU/GPU placement: decides at arrival whether an invocation queues for the GPUs or the CPU pool. */
package gpufaas.engine.placement;
