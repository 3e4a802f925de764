package gpufaas.engine.admission;

/** An admission decision at arrival. */
public record Verdict(Kind kind, String reason) {
    public enum Kind {
        ADMIT,
        REJECT,
        DEFER
    }

    public static final Verdict ADMIT = new Verdict(Kind.ADMIT, null);
    public static final Verdict DEFER = new Verdict(Kind.DEFER, null);

    public static Verdict reject(String reason) {
        return new Verdict(Kind.REJECT, reason);
    }
}
