package gpufaas.workload.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One point of a sweep: a label naming its axis values ({@code policy=fcfs,params.D=2}) and a plain
 * experiment JSON, serialisable as is to run elsewhere.
 */
public record SweepPoint(String label, ObjectNode experiment) {}
