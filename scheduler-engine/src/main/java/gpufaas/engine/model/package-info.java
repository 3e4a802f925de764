/** Values of the scheduling model: functions, invocations, start types, outcomes and workloads. */
package gpufaas.engine.model;
