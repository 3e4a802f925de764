package gpufaas.engine.model;

/**
 * One invocation as it moves through the engine. Mutable and allocation-light on purpose: the
 * engine handles millions per second. Times are microseconds of run time; -1 until known.
 * The {@code next} link is the intrusive FIFO link used by the policies' flow queues.
 */
public final class Invocation {
    public final long id;
    public final FunctionSpec function;
    public final long arrivalUs;
    /** absolute deadline (arrival + SLO) or Long.MAX_VALUE without an SLO */
    public final long deadlineUs;

    public long dispatchUs = -1;
    public long startUs = -1;
    public long endUs = -1;
    public StartType startType;
    public int device = -1;
    public Outcome outcome;
    public String reason;
    public boolean onCpu;
    /** a new container was created for it (GPU cold start, or a CPU container start) */
    public boolean coldStart;

    /** Policy-private scratch: MQFQ start and finish tags, estimates. */
    public double startTag;

    public double finishTag;
    public double estimateMs;
    /** engine: the service estimate counted in its side's backlog while it waits and runs */
    public double plannedMs;
    /** engine: the share of its execution during which its kernels run */
    public double activity;
    /** engine: it has started but its kernels wait for its memory (a prefetch or demand paging under way) */
    public boolean waitingForMemory;
    /** Intrusive FIFO link for the policies' queues. */
    public Invocation next;

    public Invocation(long id, FunctionSpec function, long arrivalUs) {
        this(id, function, arrivalUs, -1);
    }

    /** @param sloUs this invocation's own latency objective (µs), or -1 for its function's */
    public Invocation(long id, FunctionSpec function, long arrivalUs, long sloUs) {
        this.id = id;
        this.function = function;
        this.arrivalUs = arrivalUs;
        if (sloUs >= 0) this.deadlineUs = arrivalUs + sloUs;
        else this.deadlineUs = function.hasSlo() ? arrivalUs + Math.round(function.sloMs() * 1000) : Long.MAX_VALUE;
    }

    /** The latency objective (ms) this invocation is held to, NaN without one. */
    public double sloMs() {
        return deadlineUs == Long.MAX_VALUE ? Double.NaN : (deadlineUs - arrivalUs) / 1000.0;
    }

    public int fn() {
        return function.id();
    }

    public long queueUs() {
        return dispatchUs < 0 ? 0 : dispatchUs - arrivalUs;
    }

    public long e2eUs() {
        return endUs < 0 ? 0 : endUs - arrivalUs;
    }

    public boolean wasCold() {
        return coldStart;
    }

    @Override
    public String toString() {
        return "inv#" + id + "(" + function.name() + " @" + arrivalUs + "us)";
    }
}
