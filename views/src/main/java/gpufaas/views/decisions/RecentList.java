package gpufaas.views.decisions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * An observable list that grows at the end and is trimmed at the front, each as one change: the
 * decision table's items. {@code ObservableList.remove(0, n)} on a plain observable list removes
 * one element at a time, each shifting the whole list (n × size moves: tens of milliseconds for a
 * full 50,000-row log trimmed by a second's decisions); here a trim moves a start index. Read-only
 * to everyone else ({@code add}, {@code set} and {@code remove} throw).
 */
final class RecentList<E> extends ObservableListBase<E> {
    private Object[] items = new Object[64];
    private int head;
    private int size;

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return (E) items[head + index];
    }

    @Override
    public int size() {
        return size;
    }

    /** Adds {@code more} at the end. */
    void append(Collection<? extends E> more) {
        if (more.isEmpty()) return;
        int from = size;
        room(more.size());
        for (E e : more) items[head + size++] = e;
        beginChange();
        nextAdd(from, size);
        endChange();
    }

    /** Removes the first {@code n} items. */
    void dropFirst(int n) {
        n = Math.min(n, size);
        if (n <= 0) return;
        List<E> removed = new ArrayList<>(subList(0, n));
        Arrays.fill(items, head, head + n, null);
        head += n;
        size -= n;
        if (size == 0) head = 0;
        beginChange();
        nextRemove(0, removed);
        endChange();
    }

    /** Replaces everything with {@code all}. */
    void replaceAll(Collection<? extends E> all) {
        if (size == 0 && all.isEmpty()) return;
        List<E> old = new ArrayList<>(this);
        Arrays.fill(items, head, head + size, null);
        head = 0;
        size = 0;
        room(all.size());
        for (E e : all) items[size++] = e;
        beginChange();
        if (old.isEmpty()) nextAdd(0, size);
        else if (size == 0) nextRemove(0, old);
        else nextReplace(0, size, old);
        endChange();
    }

    private void room(int more) {
        if (head + size + more <= items.length) return;
        if (size + more <= items.length / 2) {
            System.arraycopy(items, head, items, 0, size);
            Arrays.fill(items, size, head + size, null);
        } else {
            Object[] bigger = new Object[Math.max(items.length * 2, size + more + 64)];
            System.arraycopy(items, head, bigger, 0, size);
            items = bigger;
        }
        head = 0;
    }
}
