package gpufaas.backend.cuda;

import java.util.List;

/**
 * What is known about MIG on one card, read only: JCuda has no NVML binding, so the state comes
 * from the CUDA device's name (a MIG instance is named "... MIG 1g.10gb") and from {@code nvidia-smi -L}
 * when that tool is installed. The backend never changes MIG settings.
 *
 * @param state     {@link State#ENABLED} with the instances listed, {@link State#NONE_LISTED} when
 *                  nvidia-smi lists the card without instances, {@link State#NOT_EXPOSED} when
 *                  nothing can tell
 * @param instances instance profiles with their nvidia-smi device numbers, e.g. "1g.10gb (device 0)"
 * @param how       where the answer comes from
 */
public record MigInfo(State state, List<String> instances, String how) {
    public enum State {
        ENABLED,
        NONE_LISTED,
        NOT_EXPOSED
    }

    public MigInfo {
        instances = List.copyOf(instances);
    }

    public static MigInfo notExposed(String why) {
        return new MigInfo(State.NOT_EXPOSED, List.of(), why);
    }

    public String describe() {
        return switch (state) {
            case ENABLED ->
                "MIG enabled, " + instances.size() + " instance(s): " + String.join(", ", instances) + " (" + how + ")";
            case NONE_LISTED -> "MIG: no instances (" + how + ")";
            case NOT_EXPOSED -> "MIG: not exposed (" + how + ")";
        };
    }
}
