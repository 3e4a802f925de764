package gpufaas.backend.cuda;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Measured milliseconds per unit of each kernel kind on one GPU ({@link KernelKind#unit}). */
public record KernelRates(Map<KernelKind, Double> msPerUnit) {
    public KernelRates {
        EnumMap<KernelKind, Double> m = new EnumMap<>(KernelKind.class);
        for (KernelKind k : KernelKind.values()) {
            Double v = msPerUnit.get(k);
            if (v == null || !(v > 0) || v.isInfinite())
                throw new IllegalArgumentException("no valid time per unit for " + k.label() + ": " + v);
            m.put(k, v);
        }
        msPerUnit = Collections.unmodifiableMap(m);
    }

    public double of(KernelKind k) {
        return msPerUnit.get(k);
    }
}
