package gpufaas.engine.device;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.model.FunctionSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A device's containers by function: the same lists as a plain map of lists, through growth and deletions. */
class ContainersByFunctionTest {
    private static final Device D = ExecutionModelTest.GPU;

    private static Container container(long id, int fn) {
        return new Container(id, FunctionSpec.gpu(fn, "f" + fn, 10, 20, 100), D);
    }

    @Test
    void get_unknownFunction_isEmpty() {
        assertThat(new ContainersByFunction().get(7)).isEmpty();
    }

    @Test
    void addAndRemove_keepEachFunctionsContainersInTheOrderAdded() {
        ContainersByFunction m = new ContainersByFunction();
        Container a = container(1, 5);
        Container b = container(2, 5);
        Container c = container(3, 9);
        m.add(a);
        m.add(c);
        m.add(b);
        assertThat(m.get(5)).containsExactly(a, b);
        assertThat(m.get(9)).containsExactly(c);
        m.remove(a);
        assertThat(m.get(5)).containsExactly(b);
        m.remove(b);
        assertThat(m.get(5)).isEmpty();
        assertThat(m.get(9)).containsExactly(c);
    }

    @Test
    void randomAddsAndRemoves_agreeWithAMapOfLists() {
        // ids chosen so that many collide in a small table, and deletions shift probe runs
        SplittableRandom r = new SplittableRandom(11);
        ContainersByFunction m = new ContainersByFunction();
        Map<Integer, List<Container>> oracle = new HashMap<>();
        List<Container> live = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            if (live.isEmpty() || r.nextInt(3) > 0) {
                int fn = r.nextInt(300) * 64;
                Container c = container(step, fn);
                m.add(c);
                oracle.computeIfAbsent(fn, k -> new ArrayList<>()).add(c);
                live.add(c);
            } else {
                Container c = live.remove(r.nextInt(live.size()));
                m.remove(c);
                oracle.get(c.function.id()).remove(c);
            }
            if (step % 97 == 0) {
                for (int fn = 0; fn < 300 * 64; fn += 64) {
                    assertThat(m.get(fn))
                            .as("function %d at step %d", fn, step)
                            .containsExactlyElementsOf(oracle.getOrDefault(fn, List.of()));
                }
            }
        }
    }
}
