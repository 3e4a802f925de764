package gpufaas.engine.placement;

/** Where a placement sends an invocation: a GPU, the CPU pool, or nowhere (rejected). */
public enum Target {
    GPU,
    CPU,
    REJECT
}
