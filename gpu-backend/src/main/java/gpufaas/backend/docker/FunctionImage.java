package gpufaas.backend.docker;

import java.util.List;
import java.util.Map;

/**
 * How one function runs as a container: its image, the command each invocation execs (an argument
 * vector, never given to a shell), the command that keeps the container alive between invocations,
 * and its environment. In {@code command}, the whole arguments {@code {warm_ms}}, {@code {warm_s}}
 * and {@code {mem_mb}} are replaced by the function's values.
 */
public record FunctionImage(String image, List<String> command, List<String> keepAlive, Map<String, String> env) {
    /** What keeps a container of an image without its own server alive: an init-friendly sleep. */
    public static final List<String> DEFAULT_KEEP_ALIVE = List.of("sleep", "2147483647");

    public FunctionImage {
        if (image == null || image.isBlank()) throw new IllegalArgumentException("image is empty");
        if (command == null || command.isEmpty()) throw new IllegalArgumentException("command is empty");
        command = List.copyOf(command);
        keepAlive = keepAlive == null || keepAlive.isEmpty() ? DEFAULT_KEEP_ALIVE : List.copyOf(keepAlive);
        env = env == null ? Map.of() : Map.copyOf(env);
    }

    /** The command for a function with these timings and footprint. */
    public List<String> commandFor(double warmMs, double memMb) {
        return command.stream()
                .map(a -> switch (a) {
                    case "{warm_ms}" -> Num.fixed(warmMs, 3);
                    case "{warm_s}" -> Num.fixed(warmMs / 1000, 6);
                    case "{mem_mb}" -> Num.fixed(memMb, 0);
                    default -> a;
                })
                .toList();
    }
}
