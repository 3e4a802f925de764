package gpufaas.views.run;

import gpufaas.engine.metrics.RunSummary;
import gpufaas.views.latency.LatencyCurves;
import gpufaas.views.live.DeviceState;
import gpufaas.views.live.FlowRow;
import gpufaas.views.live.RunningInvocation;
import gpufaas.views.teaching.BreakpointHit;
import gpufaas.views.transport.Speed;
import java.util.List;

/**
 * The run at one instant, built on the engine thread and never changed afterwards: status, clock,
 * counters, the policy's flows with V and T, the devices with their containers, the invocations in
 * flight, and (when rebuilt) the latency curves. {@code generation} changes on every load or reset.
 *
 * @param message   an error (status FAILED), a breakpoint or a note; empty otherwise
 * @param latency   rebuilt latency curves, or null when unchanged since the previous snapshot
 * @param summary   the run's summary once it finished, else null
 */
public record LiveSnapshot(
        long generation,
        RunStatus status,
        String message,
        BreakpointHit hit,
        String runLabel,
        List<String> functionNames,
        long timeUs,
        long horizonUs,
        Speed speed,
        long events,
        long arrivals,
        long completed,
        long failed,
        int queued,
        long inFlight,
        long coldStarts,
        long evictions,
        long dispatches,
        String policy,
        double virtualTime,
        double overrun,
        List<FlowRow> flows,
        List<DeviceState> devices,
        List<RunningInvocation> running,
        LatencyCurves latency,
        RunSummary summary,
        long droppedRecords) {
    public LiveSnapshot {
        functionNames = List.copyOf(functionNames);
        flows = List.copyOf(flows);
        devices = List.copyOf(devices);
        running = List.copyOf(running);
    }

    public static LiveSnapshot empty() {
        return new LiveSnapshot(
                0,
                RunStatus.EMPTY,
                "",
                null,
                "",
                List.of(),
                0,
                -1,
                Speed.of(1),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                "",
                Double.NaN,
                Double.NaN,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                0);
    }

    /** Share of the run done, 0..1, or -1 when unknown (a trace of unknown length still running). */
    public double progress() {
        if (status == RunStatus.FINISHED) return 1;
        if (horizonUs <= 0) return status == RunStatus.EMPTY || status == RunStatus.READY ? 0 : -1;
        return Math.min(0.999, (double) timeUs / horizonUs);
    }
}
