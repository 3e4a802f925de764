package gpufaas.views.teaching;

import java.util.List;
import java.util.Map;

/** The built-in lessons, in teaching order. */
public final class Lessons {
    private static final List<Lesson> ALL = List.of(
            new Lesson(
                    "1. Fair queueing: virtual time and start tags",
                    "teaching-3",
                    "mqfq-sticky",
                    Map.of("T", "5"),
                    Breakpoints.NONE,
                    2,
                    "Every function has its own queue, a flow. When an invocation arrives it gets a start tag S: the "
                            + "later of the global virtual time V and the flow's previous finish tag. V is the smallest "
                            + "start tag among backlogged flows. In the Live tab each flow's S is the marker on its lane, "
                            + "V is the dark line and the shaded band runs from V to V + T.\n\nWatch: the short isoneural "
                            + "function arrives often, so its tags advance quickly; the long imagenet invocations advance "
                            + "their tags by a lot each time. Step one decision at a time (Step decision) and read the "
                            + "reason in the Decisions tab."),
            new Lesson(
                    "2. Throttling: the over-run bound T",
                    "teaching-3",
                    "mqfq-sticky",
                    Map.of("T", "0.5"),
                    new Breakpoints(true, false, false, -1),
                    2,
                    "A flow whose start tag runs more than T ahead of V is Throttled: it may not dispatch until V "
                            + "catches up, so one busy function cannot take the whole GPU. Here T is only 0.5 virtual "
                            + "seconds, so throttling happens often. The run pauses each time a flow turns Throttled "
                            + "(breakpoint). Look at the flow's marker: it sits right of the band. Raise T in the "
                            + "parameter editor and load again: fewer throttles, less fairness."),
            new Lesson(
                    "3. Cold starts and the warm pool",
                    "teaching-3",
                    "fcfs-naive",
                    Map.of(),
                    new Breakpoints(false, true, false, -1),
                    2,
                    "fcfs-naive keeps no warm containers: every invocation starts a new container and attaches the "
                            + "GPU, about 1.5 s before the code runs. The run pauses on each cold start; in the device "
                            + "timeline cold starts are the hatched stretches with a triangle above. Then pick "
                            + "mqfq-sticky and load again: after the first invocation of each function most starts are "
                            + "warm. Compare the two in the Compare tab."),
            new Lesson(
                    "4. GPU memory: prefetch, swap and eviction",
                    "paper-medium",
                    "mqfq-sticky",
                    Map.of("pool", "4"),
                    new Breakpoints(false, false, true, -1),
                    20,
                    "The residency map shows each container's memory: solid blocks on the device, striped blocks on "
                            + "their way, outlined blocks on the host. When a flow goes Inactive its memory is swapped "
                            + "to the host; when it becomes Active again it is prefetched back (a GPU-cold start). With "
                            + "a warm pool of only 4 containers per GPU, idle containers are evicted; the run pauses on "
                            + "each eviction."),
            new Lesson(
                    "5. Sharing a GPU with MPS",
                    "mps-demo",
                    "mqfq-sticky",
                    Map.of(),
                    Breakpoints.NONE,
                    10,
                    "With MPS several invocations share the GPU's SMs at once (D = 3 tokens), each slowed by a gentler "
                            + "curve than time slicing. In the device timeline the GPU has three lanes running side by "
                            + "side. Turn MPS off in the devices section and compare latency."),
            new Lesson(
                    "6. Partitioning a GPU with MIG",
                    "mig-demo",
                    "mqfq-sticky",
                    Map.of(),
                    Breakpoints.NONE,
                    10,
                    "MIG splits the A30 into instances, each its own device with its share of SMs and memory. The "
                            + "timeline and the residency map have one row per instance; a function's container lives "
                            + "on one instance, and MQFQ binds invocations to where their memory already is."));

    private Lessons() {}

    public static List<Lesson> all() {
        return ALL;
    }
}
