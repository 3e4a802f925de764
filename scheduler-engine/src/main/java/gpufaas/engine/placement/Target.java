package gpufaas.engine.placement;

/** Where a placement sends an invocation. */
public enum Target { GPU, CPU }
