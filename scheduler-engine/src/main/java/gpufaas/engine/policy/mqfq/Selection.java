package gpufaas.engine.policy.mqfq;

/** How MQFQ picks among eligible (Active, non-empty) flows. */
public enum Selection {
    /** the paper's rule: fewest in flight, ties to the longest queue; longest queue when D_max = 1 */
    IN_FLIGHT_THEN_LONGEST,
    /** longest queue */
    LONGEST,
    /** minimum start tag, preferring a flow with a warm container on the offered device */
    MIN_TAG_WARM,
    /** repeat the previous flow while it is Active and non-empty, else minimum start tag */
    PREVIOUS
}
