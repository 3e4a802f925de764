package gpufaas.engine.policy;

/**
 * What a "container" stands for under a policy, which decides what a first start costs.
 * CONTAINERS: a per-function container or per-tenant worker process; a first start creates it
 * (a cold start). SHARED_WORKERS (Kernel-as-a-Service): one generic worker per GPU runs any
 * tenant; a tenant's first request on a worker loads its kernels and data (a cache miss, counted
 * as a GPU-cold start), never a process start.
 */
public enum WorkerModel { CONTAINERS, SHARED_WORKERS }
