package gpufaas.workload.gen;

import java.util.SplittableRandom;

/**
 * Thinning (Lewis and Shedler): candidates from a Poisson process at the peak rate, each kept with
 * probability rate(t) / peak rate.
 */
final class DiurnalClock implements ArrivalClock {
    private final ArrivalProcess.Diurnal process;
    private final double peak;
    private final SplittableRandom random;
    private double t;

    DiurnalClock(ArrivalProcess.Diurnal process, SplittableRandom random) {
        this.process = process;
        this.peak = process.ratePerS() * (1 + process.amplitude());
        this.random = random;
    }

    @Override
    public double nextS() {
        do {
            t += PoissonClock.exp(random, peak);
        } while (random.nextDouble() * peak > process.rateAt(t));
        return t;
    }
}
