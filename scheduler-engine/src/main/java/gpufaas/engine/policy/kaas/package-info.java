/**
 * Kernel-as-a-Service pool policies (Pemberton's KaaS; slo-and-kaas-policies §5): one worker per
 * GPU serving tenants (functions), either shared by every tenant (a first request of a tenant on a
 * worker is a kernel load and data upload: a cache miss) or owned by one tenant (a first request is
 * a worker process start: a cold start).
 */
package gpufaas.engine.policy.kaas;
