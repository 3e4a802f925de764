package gpufaas.workload.gen;

import java.util.SplittableRandom;

/** Exponential inter-arrival times. */
final class PoissonClock implements ArrivalClock {
    private final double rate;
    private final SplittableRandom random;
    private double t;

    PoissonClock(double ratePerS, SplittableRandom random) {
        this.rate = ratePerS;
        this.random = random;
    }

    @Override
    public double nextS() {
        t += exp(random, rate);
        return t;
    }

    /** An exponential variate with the given rate (1 − U avoids log(0)). */
    static double exp(SplittableRandom random, double rate) {
        return -Math.log(1.0 - random.nextDouble()) / rate;
    }
}
