package gpufaas.views.run;

/**
 * An execution backend as the experiment panel offers it: available, or greyed out with the reason
 * (not in this build, or the host lacks what it needs).
 */
public record BackendOption(String name, String label, boolean available, String reason) {
    public static BackendOption available(String name, String label) {
        return new BackendOption(name, label, true, "");
    }

    public static BackendOption unavailable(String name, String label, String reason) {
        return new BackendOption(name, label, false, reason);
    }
}
