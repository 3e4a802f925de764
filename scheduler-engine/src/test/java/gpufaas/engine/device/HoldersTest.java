package gpufaas.engine.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A function's holders: in device index order whatever the order of arrival, each with its list, gone at zero. */
class HoldersTest {
    private static Device gpu(int index) {
        return new Device(
                index, "t-" + index, DeviceKind.GPU, ExecutionModelTest.P, index, 16000, 1, false, 100, 2, 95, 16);
    }

    @Test
    void devicesStayInIndexOrder_withTheirLists_untilTheirLastContainerGoes() {
        Device d0 = gpu(0);
        Device d1 = gpu(1);
        Device d2 = gpu(2);
        List<Container> l0 = new ArrayList<>();
        List<Container> l1 = new ArrayList<>();
        List<Container> l2 = new ArrayList<>();
        Holders h = new Holders();
        h.added(d2, l2);
        h.added(d0, l0);
        h.added(d1, l1);
        h.added(d0, l0);
        assertThat(h.devices()).containsExactly(d0, d1, d2);
        assertThat(h.containers(0)).isSameAs(l0);
        assertThat(h.containers(2)).isSameAs(l2);
        h.removed(d0);
        assertThat(h.devices()).containsExactly(d0, d1, d2); // d0 still holds one
        h.removed(d1);
        assertThat(h.devices()).containsExactly(d0, d2);
        assertThat(h.containers(1)).isSameAs(l2);
        h.removed(d0);
        h.removed(d2);
        assertThat(h.size()).isZero();
        assertThat(h.devices()).isEmpty();
        h.removed(d1); // not a holder: nothing happens
        assertThat(h.size()).isZero();
    }
}
