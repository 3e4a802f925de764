package gpufaas.engine.policy;

import gpufaas.engine.model.Invocation;

/**
 * A policy that runs batches: the members of a batch run one after another in the first one's
 * container, under its token. The engine asks for the next member whenever one ends.
 */
public interface Batching extends Policy {

    /** The invocation to run next in the same container under the same token right after {@code finished}, or null to release the token. */
    Invocation continuation(Invocation finished);
}
