package gpufaas.views.run;

/** Where the live run stands. */
public enum RunStatus {
    /** no experiment loaded */
    EMPTY,
    /** loaded, at time 0 */
    READY,
    PLAYING,
    PAUSED,
    FINISHED,
    /** the run stopped on an error; Reset starts it afresh */
    FAILED
}
