package gpufaas.engine.placement;

import gpufaas.engine.model.Invocation;

/** Chooses GPU or CPU for an arriving invocation. */
@FunctionalInterface
public interface Placement {
    Target place(Invocation inv);
}
