package gpufaas.backend.cuda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.model.FunctionSpec;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KernelMappingTest {
    static final long MIB = 1L << 20;

    @Test
    void catalogFunctionsMapByWhatTheyAre() {
        assertThat(KernelMapping.kindFor("imagenet")).isEqualTo(KernelKind.MATMUL);
        assertThat(KernelMapping.kindFor("lud")).isEqualTo(KernelKind.MATMUL);
        assertThat(KernelMapping.kindFor("fft")).isEqualTo(KernelKind.TRIAD);
        assertThat(KernelMapping.kindFor("eos-1")).isEqualTo(KernelKind.TRIAD);
        assertThat(KernelMapping.kindFor("FFmpeg_2")).isEqualTo(KernelKind.TRIAD);
        assertThat(KernelMapping.kindFor("myocyte")).isEqualTo(KernelKind.SPIN);
        assertThat(KernelMapping.kindFor("srad")).isEqualTo(KernelKind.STENCIL);
        assertThat(KernelMapping.kindFor("pathfinder-3")).isEqualTo(KernelKind.STENCIL);
    }

    @Test
    void otherNamesMapByAStableHash() {
        // FNV-1a 32-bit reference values
        assertThat(KernelMapping.fnv1a("")).isEqualTo(0x811c9dc5);
        assertThat(KernelMapping.fnv1a("a")).isEqualTo(0xe40c292c);
        assertThat(KernelMapping.fnv1a("foobar")).isEqualTo(0xbf9cf968);
        // "eosin" is not "eos" followed by a separator: hashed
        KernelKind k = KernelKind.values()[Integer.remainderUnsigned(KernelMapping.fnv1a("eosin"), 4)];
        assertThat(KernelMapping.kindFor("eosin")).isEqualTo(k);
        assertThat(KernelMapping.kindFor("  My-Func ")).isEqualTo(KernelMapping.kindFor("my-func"));
        Map<KernelKind, Integer> seen = new EnumMap<>(KernelKind.class);
        for (int i = 0; i < 400; i++) seen.merge(KernelMapping.kindFor("fn" + i), 1, Integer::sum);
        assertThat(seen).hasSize(4);
        seen.values().forEach(n -> assertThat(n).isBetween(60, 140));
    }

    @Test
    void matmulIsSizedInProducts() {
        KernelPlan p = KernelMapping.plan(KernelKind.MATMUL, 3072 * MIB, 2253, 0.05);
        assertThat(p.reps()).isEqualTo(45060);
        assertThat(p.n()).isEqualTo(512);
        assertThat(p.units()).isEqualTo(45060);
        assertThat(p.predictedMs()).isCloseTo(2253, within(1e-6));
        assertThat(p.allocationBytes()).isEqualTo(3072 * MIB);
        // a footprint smaller than the working set is grown to it
        assertThat(KernelMapping.plan(KernelKind.MATMUL, MIB, 10, 0.05).allocationBytes())
                .isEqualTo(3L * 512 * 512 * 4);
    }

    @Test
    void triadPassesOverTheFootprint() {
        long fp = 1536 * MIB;
        long cap = fp / 12;
        // less than one pass: a prefix of the arrays, once
        KernelPlan small = KernelMapping.plan(KernelKind.TRIAD, fp, 10, 1e-6);
        assertThat(small.reps()).isEqualTo(1);
        assertThat(small.n()).isEqualTo(10_000_000L);
        // several passes over (nearly) all of it
        KernelPlan big = KernelMapping.plan(KernelKind.TRIAD, fp, 897, 2e-7);
        long want = Math.round(897 / 2e-7);
        assertThat(big.reps()).isEqualTo((int) ((want + cap - 1) / cap));
        assertThat(big.n()).isLessThanOrEqualTo(cap);
        assertThat(big.units()).isBetween(want, want + big.reps());
        assertThat(big.predictedMs()).isCloseTo(897, within(0.01));
        assertThat(3 * big.n() * 4).isLessThanOrEqualTo(big.allocationBytes());
    }

    @Test
    void spinAndStencil() {
        KernelPlan spin = KernelMapping.plan(KernelKind.SPIN, 3072 * MIB, 2784, 0.001);
        assertThat(spin.spinNs()).isEqualTo(2_784_000_000L);
        assertThat(spin.units()).isEqualTo(2_784_000);
        assertThat(KernelMapping.stencilSide(3072 * MIB)).isEqualTo(8192);
        assertThat(KernelMapping.stencilSide(MIB)).isEqualTo(362);
        assertThat(KernelMapping.stencilSide(MIB / 4)).isEqualTo(256);
        assertThat(KernelMapping.stencilSide(128 * MIB)).isEqualTo(4096);
        KernelPlan st = KernelMapping.plan(KernelKind.STENCIL, 128 * MIB, 100, 1e-7);
        assertThat(st.n()).isEqualTo(4096);
        assertThat(st.reps()).isEqualTo((int) Math.round(1e9 / (4096.0 * 4096)));
        assertThat(st.predictedMs()).isCloseTo(100, within(3.0));
        assertThat(KernelMapping.plan(KernelKind.STENCIL, 128 * MIB, 0, 1e-7).reps())
                .isEqualTo(1);
    }

    @Test
    void unitsAreAtLeastOneAndRatesMustBePositive() {
        assertThat(KernelMapping.units(0, 1)).isEqualTo(1);
        assertThat(KernelMapping.units(10, 3)).isEqualTo(3);
        assertThatThrownBy(() -> KernelMapping.units(10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KernelRates(Map.of(KernelKind.SPIN, 1.0))).hasMessageContaining("matmul");
    }

    static KernelRates rates() {
        return new KernelRates(Map.of(
                KernelKind.MATMUL, 0.05, KernelKind.TRIAD, 2e-7, KernelKind.SPIN, 0.001, KernelKind.STENCIL, 1e-7));
    }

    @Test
    void sizingHitsTheWarmTimeAndLearnsFromLoneRuns() {
        Sizing s = new Sizing(rates());
        FunctionSpec f = FunctionSpec.gpu(0, "imagenet-1", 2253, 8581, 3072);
        KernelPlan p = s.plan(f);
        assertThat(p.kind()).isEqualTo(KernelKind.MATMUL);
        assertThat(p.predictedMs()).isCloseTo(2253, within(0.05));
        // the kernel ran twice as long as predicted: the correction moves 30 % of the way to 2
        s.observe("imagenet-1", p.predictedMs(), 2 * p.predictedMs());
        assertThat(s.correction("imagenet-1")).isCloseTo(1.3, within(1e-9));
        KernelPlan q = s.plan(f);
        assertThat(q.reps()).isEqualTo((int) Math.round(2253 / (0.05 * 1.3)));
        for (int i = 0; i < 50; i++) {
            KernelPlan r = s.plan(f);
            s.observe("imagenet-1", r.predictedMs(), r.units() * 0.1); // truly 0.1 ms per product
        }
        assertThat(s.correction("imagenet-1")).isCloseTo(2.0, within(0.01));
        assertThat(s.plan(f).units() * 0.1).isCloseTo(2253, within(0.5));
        // bounded, and nonsense is ignored
        for (int i = 0; i < 100; i++) s.observe("x", 1, 1000);
        assertThat(s.correction("x")).isEqualTo(Sizing.MAX_FACTOR);
        s.observe("y", 0, 5);
        s.observe("y", 5, Double.NaN);
        assertThat(s.correction("y")).isEqualTo(1.0);
    }
}
