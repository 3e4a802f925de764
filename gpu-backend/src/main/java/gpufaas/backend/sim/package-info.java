/**
 * The simulated GPU and CPU: cold-start and prefetch times from the device profile, executions
 * sharing a device by processor sharing with the profile's slowdown curve, MPS and MIG shares,
 * demand-paging slowdown under oversubscription, and injectable MPS co-failures.
 */
package gpufaas.backend.sim;
