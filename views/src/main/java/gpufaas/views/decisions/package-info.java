/**
 * The Decisions tab: a searchable log of dispatch decisions with the reasons behind each (virtual
 * time, tags, the over-run bound, flow states, which flows were throttled, where the chosen
 * function's memory was), written out in sentences for teaching.
 */
package gpufaas.views.decisions;
