package gpufaas.views.main;

import java.util.Locale;

/** The centre tabs. */
public enum WorkbenchTab {
    LIVE("Live"),
    LATENCY("Latency"),
    COMPARE("Compare"),
    DECISIONS("Decisions");

    private final String title;

    WorkbenchTab(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The tab named {@code name} (case-insensitive), or an IllegalArgumentException listing them. */
    public static WorkbenchTab parse(String name) {
        for (WorkbenchTab t : values()) if (t.name().equalsIgnoreCase(name) || t.title.equalsIgnoreCase(name)) return t;
        throw new IllegalArgumentException("unknown tab '" + name + "'; tabs: live, latency, compare, decisions");
    }

    public String id() {
        return "tab-" + name().toLowerCase(Locale.ROOT);
    }
}
