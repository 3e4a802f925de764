package gpufaas.engine.param;

/** The value types a parameter can have. */
public enum ParamType {
    INT,
    DOUBLE,
    BOOLEAN,
    CHOICE,
    /** a time-to-live: seconds ({@code 2s}, {@code 500ms}, {@code 2}) or a multiple of the mean inter-arrival time ({@code 1.5xIAT}) */
    TTL
}
