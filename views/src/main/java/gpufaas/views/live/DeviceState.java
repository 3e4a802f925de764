package gpufaas.views.live;

import gpufaas.engine.device.MemoryLocation;
import java.util.List;
import java.util.Locale;

/**
 * One device at one instant: name, kind (GPU, MIG instance or CPU pool), memory capacity and use
 * (of which {@code contextMb} the CUDA contexts of its containers, which stay on the device while a
 * container lives), whether it runs oversubscribed (running invocations need more than it has) and
 * the factor executions started then pay, tokens in use out of D_max, counters of evictions, swaps
 * and prefetches, its containers, and its utilization gate: the estimate against the cap
 * ({@code NaN} on a CPU pool) and since when the gate has withheld a free token from waiting work
 * ({@code withheldSinceUs}, -1 when it does not; {@code withheldLane} is the token slot it keeps idle).
 */
public record DeviceState(
        int index,
        String name,
        String kind,
        double memoryMb,
        double usedMb,
        double contextMb,
        boolean oversubscribed,
        double pagingFactor,
        int inFlight,
        int dMax,
        long evictions,
        long swapsOut,
        long prefetches,
        List<ContainerBlock> containers,
        double gateEstimatePct,
        double gateLimitPct,
        long withheldSinceUs,
        int withheldLane) {
    public DeviceState {
        containers = List.copyOf(containers);
    }

    /** A device without a gate reading (tests). */
    public DeviceState(
            int index,
            String name,
            String kind,
            double memoryMb,
            double usedMb,
            double contextMb,
            boolean oversubscribed,
            double pagingFactor,
            int inFlight,
            int dMax,
            long evictions,
            long swapsOut,
            long prefetches,
            List<ContainerBlock> containers) {
        this(
                index,
                name,
                kind,
                memoryMb,
                usedMb,
                contextMb,
                oversubscribed,
                pagingFactor,
                inFlight,
                dMax,
                evictions,
                swapsOut,
                prefetches,
                containers,
                Double.NaN,
                Double.NaN,
                -1,
                0);
    }

    /** Whether the device has a utilization gate (a cap between 0 and 100 %). */
    public boolean gated() {
        return gateLimitPct > 0 && gateLimitPct < 100;
    }

    /** "utilization gate: estimate 112 % > cap 95 %: a free token is withheld", or "" without a gate. */
    public String gateText() {
        if (!gated() || Double.isNaN(gateEstimatePct)) return "";
        boolean closed = gateEstimatePct > gateLimitPct;
        String state =
                !closed ? "open" : withheldSinceUs >= 0 ? "a free token is withheld from waiting work" : "closed";
        return String.format(
                Locale.ROOT,
                "utilization gate: estimate %.0f %% %s cap %.0f %%: %s",
                gateEstimatePct,
                closed ? ">" : "≤",
                gateLimitPct,
                state);
    }

    public int onDevice() {
        int n = 0;
        for (ContainerBlock c : containers) if (c.location() == MemoryLocation.DEVICE) n++;
        return n;
    }
}
