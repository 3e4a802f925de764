package gpufaas.workload.gen;

import java.util.SplittableRandom;

/**
 * A two-state Markov-modulated Poisson process. Starts in a state drawn from the stationary
 * distribution; within a state arrivals are Poisson at that state's rate; state holding times are
 * exponential. Memorylessness lets it redraw the next gap after every state change.
 */
final class MmppClock implements ArrivalClock {
    private final double[] rate;
    private final double[] meanHoldS;
    private final SplittableRandom random;
    private int state;
    private double stateEnds;
    private double t;

    MmppClock(double calmRate, double burstRate, double meanCalmS, double meanBurstS, SplittableRandom random) {
        this.rate = new double[] {calmRate, burstRate};
        this.meanHoldS = new double[] {meanCalmS, meanBurstS};
        this.random = random;
        this.state = random.nextDouble() < meanBurstS / (meanBurstS + meanCalmS) ? 1 : 0;
        this.stateEnds = hold(state);
    }

    @Override
    public double nextS() {
        while (true) {
            double candidate = t + PoissonClock.exp(random, rate[state]);
            if (candidate < stateEnds) {
                t = candidate;
                return t;
            }
            t = stateEnds;
            state = 1 - state;
            stateEnds = t + hold(state);
        }
    }

    private double hold(int s) {
        return PoissonClock.exp(random, 1.0 / meanHoldS[s]);
    }
}
