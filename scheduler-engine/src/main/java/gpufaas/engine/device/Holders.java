package gpufaas.engine.device;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The devices holding at least one container of one function, in device index order, each with its
 * list of them (the device's own list, the one {@link Device#containersOf} returns): binding and the
 * memory hooks visit a function's containers device by device without looking each device up.
 * Kept by {@link Residency}; read-only outside this package.
 */
public final class Holders {
    static final Holders NONE = new Holders();

    private Device[] devices = new Device[1];
    private int[] counts = new int[1];
    private List<Container>[] containers = newLists(1);
    private int size;
    private final List<Device> view = new DeviceView();

    /** Number of devices holding a container of the function. */
    public int size() {
        return size;
    }

    /** The {@code i}-th of them, in device index order. */
    public Device device(int i) {
        return devices[i];
    }

    /** The containers of the function on the {@code i}-th device, in the order they were added (read-only). */
    public List<Container> containers(int i) {
        return containers[i];
    }

    /** The devices, as a read-only list. */
    public List<Device> devices() {
        return view;
    }

    /** {@code d} holds one more container of the function; {@code list} is its list of them. */
    void added(Device d, List<Container> list) {
        int i = indexOf(d);
        if (i >= 0) {
            counts[i]++;
            return;
        }
        if (size == devices.length) {
            int n = size * 2;
            devices = Arrays.copyOf(devices, n);
            counts = Arrays.copyOf(counts, n);
            containers = Arrays.copyOf(containers, n);
        }
        int at = size;
        while (at > 0 && devices[at - 1].index > d.index) at--;
        System.arraycopy(devices, at, devices, at + 1, size - at);
        System.arraycopy(counts, at, counts, at + 1, size - at);
        System.arraycopy(containers, at, containers, at + 1, size - at);
        devices[at] = d;
        counts[at] = 1;
        containers[at] = list;
        size++;
    }

    /** {@code d} holds one container of the function less. */
    void removed(Device d) {
        int i = indexOf(d);
        if (i < 0 || --counts[i] > 0) return;
        int tail = size - i - 1;
        System.arraycopy(devices, i + 1, devices, i, tail);
        System.arraycopy(counts, i + 1, counts, i, tail);
        System.arraycopy(containers, i + 1, containers, i, tail);
        size--;
        devices[size] = null;
        containers[size] = null;
    }

    private int indexOf(Device d) {
        for (int i = 0; i < size; i++) if (devices[i] == d) return i;
        return -1;
    }

    @SuppressWarnings("unchecked")
    private static List<Container>[] newLists(int n) {
        return (List<Container>[]) new List[n];
    }

    private final class DeviceView extends AbstractList<Device> implements RandomAccess {
        @Override
        public Device get(int i) {
            if (i < 0 || i >= size) throw new IndexOutOfBoundsException(i);
            return devices[i];
        }

        @Override
        public int size() {
            return size;
        }
    }
}
