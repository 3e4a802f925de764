/**
 * The one registry of the things a run is configured by name (queueing policies, placements,
 * admission controls): explicit lists of entries, each declaring its name once with its aliases,
 * description, parameters and factory; no classpath scanning.
 */
package gpufaas.engine.registry;
