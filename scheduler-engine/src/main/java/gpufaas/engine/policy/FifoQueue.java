package gpufaas.engine.policy;

import gpufaas.engine.model.Invocation;

/** A FIFO of invocations linked through {@link Invocation#next}: no allocation per element. */
public final class FifoQueue {
    private Invocation head;
    private Invocation tail;
    private int size;

    public void add(Invocation inv) {
        inv.next = null;
        if (tail == null) head = inv;
        else tail.next = inv;
        tail = inv;
        size++;
    }

    public Invocation peek() {
        return head;
    }

    public Invocation poll() {
        Invocation h = head;
        if (h == null) return null;
        head = h.next;
        if (head == null) tail = null;
        h.next = null;
        size--;
        return h;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }
}
