/**
 * Queueing policies: one interface for every policy, descriptors that declare each policy's name,
 * description and parameters in one place, and the explicit registry the CLI, GUI and docs read.
 */
package gpufaas.engine.policy;
