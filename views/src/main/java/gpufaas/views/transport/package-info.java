/**
 * The transport bar: play, pause, step one event, step one dispatch decision, speed from 0.1× to
 * 1000× of real time or "max", reset, the simulated clock and the progress bar. {@link
 * gpufaas.views.transport.PacingClock} (plain Java) maps wall time to simulated time.
 */
package gpufaas.views.transport;
