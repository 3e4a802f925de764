package gpufaas.backend.docker;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Numbers as command arguments: plain decimals, no exponent, no locale. */
final class Num {
    private Num() {}

    static String fixed(double v, int decimals) {
        return BigDecimal.valueOf(v)
                .setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }
}
