package gpufaas.engine.device;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.FunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A device's reclaimable idle containers (in the LRU, memory on the GPU, non-empty), oldest first:
 * the lazily pruned heap gives what a walk of the LRU from its head finds first, through random LRU
 * and location changes.
 */
class ReclaimableIdleTest {

    /** The first container of the LRU, from its head, that is reclaimable: the oracle. */
    private static Container walk(Device d) {
        for (Container c = d.lruHead; c != null; c = c.lruNext) {
            if (c.location == MemoryLocation.DEVICE && c.memMb() > 0) return c;
        }
        return null;
    }

    private static int count(Device d) {
        int n = 0;
        for (Container c = d.lruHead; c != null; c = c.lruNext)
            if (c.location == MemoryLocation.DEVICE && c.memMb() > 0) n++;
        return n;
    }

    @Test
    void oldest_followsLruAndLocationChanges() {
        Device d = new Device(0, "t-0", DeviceKind.GPU, ExecutionModelTest.P, 0, 16000, 1, false, 100, 2, 95, 1000);
        SplittableRandom r = new SplittableRandom(5);
        List<Container> all = new ArrayList<>();
        for (int i = 0; i < 40; i++) all.add(d.add(i, FunctionSpec.gpu(i, "f" + i, 10, 20, i % 7 == 0 ? 0 : 100)));
        for (int step = 0; step < 50_000; step++) {
            Container c = all.get(r.nextInt(all.size()));
            switch (r.nextInt(4)) {
                case 0 -> d.lruAppend(c); // released to the pool (or used again: to the tail)
                case 1 -> d.lruRemove(c); // taken by an invocation
                case 2 -> {
                    c.location = MemoryLocation.HOST;
                    d.onDeviceChanged(c);
                }
                default -> {
                    c.location = MemoryLocation.DEVICE;
                    d.onDeviceChanged(c);
                }
            }
            assertThat(d.oldestOnDeviceIdle()).as("step %d", step).isSameAs(walk(d));
            assertThat(d.onDeviceIdleCount()).as("step %d", step).isEqualTo(count(d));
        }
    }
}
