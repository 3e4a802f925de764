package gpufaas.engine.run;

import gpufaas.engine.device.Container;
import gpufaas.engine.device.Device;
import gpufaas.engine.device.Holders;
import gpufaas.engine.device.Residency;
import java.util.List;

/**
 * Late binding [reference §6]: the device an invocation runs on, among those of its side that can
 * take it now: one holding an idle container of its function (memory on the device, then moving in,
 * then on the host), then one holding any container of it, then the one with the fewest invocations
 * in flight, then the lowest index. Only the devices holding a container of the function are
 * visited besides the offered one.
 */
final class DeviceBinding {
    private DeviceBinding() {}

    static Device bind(Side s, Residency residency, int fn, Device offer, long now) {
        Device best = offer;
        int bestRank = rank(offer.containersOf(fn));
        Holders holders = residency.holders(fn);
        for (int i = 0, n = holders.size(); i < n; i++) {
            Device d = holders.device(i);
            if (d == offer || d.kind != offer.kind || !s.canTake(d) || !d.gate.open(now)) continue;
            if (bestRank == 0 && !better(d, best)) continue; // no rank beats 0: skip looking for its idle container
            int r = rank(holders.containers(i));
            if (r < bestRank || (r == bestRank && better(d, best))) {
                best = d;
                bestRank = r;
            }
        }
        return best;
    }

    private static boolean better(Device a, Device b) {
        if (a.inFlight() != b.inFlight()) return a.inFlight() < b.inFlight();
        return a.index < b.index;
    }

    /** Rank of a device by its containers of the function (locality first): lower is better. */
    private static int rank(List<Container> cs) {
        Container c = Device.bestIdle(cs);
        if (c != null) {
            return switch (c.location()) {
                case DEVICE -> 0;
                case MOVING_IN -> 1;
                default -> 2;
            };
        }
        return cs.isEmpty() ? 4 : 3;
    }
}
