/**
 * The Live tab: one row per flow (queue length, virtual start tag against the global virtual time
 * V with the over-run band [V, V+T], state by colour and label, in flight), the device timeline
 * (what ran where over the last minutes, cold starts and memory moves marked) and the memory
 * residency map (per device, each container's memory on the device, moving, or on the host).
 * The records here are what the engine thread copies out of the engine; they are immutable.
 */
package gpufaas.views.live;
