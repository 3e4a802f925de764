package gpufaas.engine.policy.slo;

/** The SLO-aware orderings. */
public enum SloOrder {
    /** earliest deadline first */
    EDF,
    /** least slack first: deadline − estimated time to finish (start cost + service), fixed at arrival */
    LSF,
    /** among requests that still make their deadline, one whose function is warm on the offered device; else EDF */
    EDF_WARM,
    /** among requests that still make their deadline, the cheapest to run here; else EDF */
    COST_AWARE
}
