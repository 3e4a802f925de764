package gpufaas.views.run;

import gpufaas.views.teaching.Breakpoints;
import gpufaas.views.transport.Speed;
import java.util.concurrent.CountDownLatch;

/** What the views ask of the engine thread; the session handles commands in order. */
public sealed interface EngineCommand {
    /** Builds a fresh engine for {@code plan} at time 0, paused. */
    record Load(RunPlan plan) implements EngineCommand {}

    /** Starts the loaded plan again from time 0. */
    record Reset() implements EngineCommand {}

    record Play() implements EngineCommand {}

    record Pause() implements EngineCommand {}

    /** Pauses and processes exactly one engine event. */
    record StepEvent() implements EngineCommand {}

    /** Pauses and processes events up to and including the next one that dispatches an invocation. */
    record StepDecision() implements EngineCommand {}

    record SetSpeed(Speed speed) implements EngineCommand {}

    record SetBreakpoints(Breakpoints breakpoints) implements EngineCommand {}

    /** Counts down once every earlier command is handled and its snapshot posted (tests, screenshots). */
    record Barrier(CountDownLatch latch) implements EngineCommand {}

    /** Ends the engine thread. */
    record Shutdown() implements EngineCommand {}
}
