package gpufaas.views.teaching;

import java.util.Map;

/**
 * A lesson preset: a built-in workload preset, the policy and parameters to run it with, the
 * breakpoints to arm, a speed, and a short explanation of what to watch.
 */
public record Lesson(
        String title,
        String preset,
        String policy,
        Map<String, String> params,
        Breakpoints breakpoints,
        double speed,
        String explanation) {
    public Lesson {
        params = Map.copyOf(params);
    }

    @Override
    public String toString() {
        return title;
    }
}
