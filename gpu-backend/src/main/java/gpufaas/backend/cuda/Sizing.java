package gpufaas.backend.cuda;

import gpufaas.engine.model.FunctionSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * Sizes functions on one GPU: the measured rates and, per function, a correction learned from its
 * runs (EWMA of measured ÷ predicted, weight {@value #WEIGHT}, clamped to [{@value #MIN_FACTOR},
 * {@value #MAX_FACTOR}]). Not thread-safe: one GPU worker owns it.
 */
public final class Sizing {
    static final double WEIGHT = 0.3;
    static final double MIN_FACTOR = 0.2;
    static final double MAX_FACTOR = 5.0;
    private final KernelRates rates;
    private final Map<String, Double> correction = new HashMap<>();

    public Sizing(KernelRates rates) {
        this.rates = rates;
    }

    public KernelRates rates() {
        return rates;
    }

    /** The plan for one run of {@code f}: its kind, footprint and a size that hits its warm time. */
    public KernelPlan plan(FunctionSpec f) {
        KernelKind kind = KernelMapping.kindFor(f.name());
        double factor = correction(f.name());
        KernelPlan p =
                KernelMapping.plan(kind, KernelMapping.footprintBytes(f), f.gpuWarmMs(), rates.of(kind) * factor);
        return p;
    }

    public double correction(String function) {
        return correction.getOrDefault(function, 1.0);
    }

    /** Learns from a run of {@code function} that was predicted to take {@code predictedMs} and took {@code measuredMs}. */
    public void observe(String function, double predictedMs, double measuredMs) {
        if (!(predictedMs > 0) || !(measuredMs > 0) || Double.isInfinite(measuredMs)) return;
        double ratio = measuredMs / predictedMs;
        double old = correction(function);
        double next = old * ((1 - WEIGHT) + WEIGHT * ratio);
        correction.put(function, Math.max(MIN_FACTOR, Math.min(MAX_FACTOR, next)));
    }
}
