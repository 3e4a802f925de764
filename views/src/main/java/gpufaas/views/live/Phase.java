package gpufaas.views.live;

/** What a stretch of a device timeline lane shows. */
public enum Phase {
    /** a new container starting (GPU attach, initialisation) before the code runs */
    COLD_START,
    /** the container's memory being prefetched from the host before the code runs */
    PREFETCH,
    /** the function's code executing */
    EXEC,
    /** a free token withheld by the utilization gate while work waited (no function: fn is -1) */
    GATE
}
