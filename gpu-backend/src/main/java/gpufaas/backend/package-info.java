/** Execution backends behind the engine's backend interface. */
package gpufaas.backend;
