package gpufaas.engine.time;

/** An action a time source runs at its time, on the engine thread. */
@FunctionalInterface
public interface Scheduled {
    void fire(long nowUs);
}
