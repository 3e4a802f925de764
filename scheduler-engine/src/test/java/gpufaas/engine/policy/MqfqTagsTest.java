package gpufaas.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import gpufaas.engine.model.FunctionSpec;
import gpufaas.engine.model.Invocation;
import gpufaas.engine.param.Ttl;
import gpufaas.engine.policy.mqfq.MqfqPolicy;
import gpufaas.engine.policy.mqfq.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-time fair queueing arithmetic of reference §2, by hand (service 1 s = 1000 ms). */
class MqfqTagsTest {
    static final FunctionSpec A =
            FunctionSpec.builder(0, "A").gpu(1000, 1000).memMb(0).build();
    static final FunctionSpec B =
            FunctionSpec.builder(1, "B").gpu(1000, 1000).memMb(0).weight(2).build();
    long ids;

    private Invocation inv(FunctionSpec f) {
        return new Invocation(ids++, f, 0);
    }

    @Test
    void enqueue_assignsStartAndFinishTagsWithWeights() {
        FakeContext ctx = new FakeContext(List.of(A, B));
        MqfqPolicy p = new MqfqPolicy(ctx, Selection.IN_FLIGHT_THEN_LONGEST, 5, new Ttl(false, 0));
        Invocation a0 = inv(A), a1 = inv(A), b0 = inv(B), b1 = inv(B);
        p.enqueue(a0);
        p.enqueue(a1);
        p.enqueue(b0);
        p.enqueue(b1);
        // A: S=0,F=1 then S=1,F=2.  B (weight 2): S=0,F=0.5 then S=0.5,F=1.
        assertThat(List.of(a0.startTag, a0.finishTag, a1.startTag, a1.finishTag))
                .containsExactly(0.0, 1.0, 1.0, 2.0);
        assertThat(List.of(b0.startTag, b0.finishTag, b1.startTag, b1.finishTag))
                .containsExactly(0.0, 0.5, 0.5, 1.0);
        assertThat(p.virtualTime()).isZero();
        assertThat(ctx.changes).containsExactly("A:ACTIVE", "B:ACTIVE");
        p.checkInvariants();
    }

    @Test
    void pop_advancesTheFlowStartTagAndV_isTheMinimumOverBackloggedFlows() {
        FakeContext ctx = new FakeContext(List.of(A, B));
        MqfqPolicy p = new MqfqPolicy(ctx, Selection.IN_FLIGHT_THEN_LONGEST, 5, new Ttl(false, 0));
        p.enqueue(inv(A));
        p.enqueue(inv(A));
        p.enqueue(inv(B));
        // D=2: fewest in flight (0 = 0), longest queue -> A
        assertThat(p.next(null).function).isEqualTo(A);
        assertThat(p.startTag(0)).isEqualTo(1.0);
        assertThat(p.virtualTime()).isZero(); // B still at 0
        // now A has one in flight, B none -> B
        assertThat(p.next(null).function).isEqualTo(B);
        assertThat(p.virtualTime()).isEqualTo(1.0); // only A backlogged, S_A = 1
        assertThat(p.startTag(1)).isEqualTo(0.5); // B empty: S = F
        p.checkInvariants();
    }

    @Test
    void returningFlow_restartsAtV_withoutBankedCredit() {
        FakeContext ctx = new FakeContext(List.of(A, B));
        MqfqPolicy p = new MqfqPolicy(ctx, Selection.IN_FLIGHT_THEN_LONGEST, 100, new Ttl(false, 0));
        for (int i = 0; i < 5; i++) p.enqueue(inv(A));
        for (int i = 0; i < 4; i++) p.next(null); // A's head now has S = 4
        assertThat(p.virtualTime()).isEqualTo(4.0);
        Invocation b = inv(B); // B was idle all along: starts at V, not at 0
        p.enqueue(b);
        assertThat(b.startTag).isEqualTo(4.0);
        assertThat(b.finishTag).isEqualTo(4.5);
    }

    @Test
    void throttling_flowBeyondT_isNotEligibleUntilVCatchesUp() {
        FakeContext ctx = new FakeContext(List.of(A, B));
        ctx.dMax = 1;
        MqfqPolicy p = new MqfqPolicy(ctx, Selection.IN_FLIGHT_THEN_LONGEST, 1.5, new Ttl(false, 0));
        for (int i = 0; i < 4; i++) p.enqueue(inv(A)); // S 0,1,2,3
        p.enqueue(inv(B)); // S 0
        assertThat(p.next(null).function).isEqualTo(A); // longest; S_A=1, V=0: 1 <= 1.5
        assertThat(p.next(null).function).isEqualTo(A); // S_A=2, V=0: 2 > 1.5 -> Throttled
        assertThat(p.state(0)).isEqualTo(FlowState.THROTTLED);
        assertThat(p.next(null).function).isEqualTo(B); // the only eligible flow
        // B empty: V = S_A = 2, A Active again
        assertThat(p.virtualTime()).isEqualTo(2.0);
        assertThat(p.state(0)).isEqualTo(FlowState.ACTIVE);
        assertThat(ctx.changes).containsExactly("A:ACTIVE", "B:ACTIVE", "A:THROTTLED", "A:ACTIVE");
        p.checkInvariants();
    }

    @Test
    void ttl_expiry_makesTheEmptyIdleFlowInactive() {
        FakeContext ctx = new FakeContext(List.of(A, B));
        MqfqPolicy p = new MqfqPolicy(ctx, Selection.IN_FLIGHT_THEN_LONGEST, 5, new Ttl(true, 1.5));
        ctx.iatUs = 2_000_000;
        Invocation a = inv(A);
        p.enqueue(a);
        p.next(null);
        ctx.now = 1_000_000;
        p.completed(a); // TTL 1.5 x 2 s = 3 s -> wake at 4 s
        assertThat(ctx.wakes).containsExactly(4_000_000L);
        ctx.fire(3_999_999);
        assertThat(p.state(0)).isEqualTo(FlowState.ACTIVE);
        ctx.fire(4_000_000);
        assertThat(p.state(0)).isEqualTo(FlowState.INACTIVE);
    }

    @Test
    void fairnessBound_holdsBetweenBackloggedFlowsUnderRandomService() {
        // |S_i/w_i - S_j/w_j| stays within (D-1)(2T + tau_i/w_i - tau_j/w_j)-style slack: with D=1 the
        // start tags of two backlogged flows never drift apart by more than T plus one service time.
        FakeContext ctx = new FakeContext(List.of(A, B));
        ctx.dMax = 1;
        double t = 2;
        MqfqPolicy p = new MqfqPolicy(ctx, Selection.IN_FLIGHT_THEN_LONGEST, t, new Ttl(false, 0));
        for (int i = 0; i < 200; i++) p.enqueue(inv(i % 3 == 0 ? B : A));
        for (int i = 0; i < 150; i++) {
            Invocation x = p.next(null);
            p.completed(x);
            var flows = p.snapshot().flows();
            if (flows.get(0).queued() == 0 || flows.get(1).queued() == 0) break; // bound is for backlogged flows
            double sa = p.startTag(0);
            double sb = p.startTag(1);
            assertThat(Math.abs(sa - sb)).as("step %d", i).isLessThanOrEqualTo(t + 1.0 + 1e-9);
            p.checkInvariants();
        }
        double minBacklogged = Double.MAX_VALUE;
        for (var f : p.snapshot().flows()) if (f.queued() > 0) minBacklogged = Math.min(minBacklogged, f.startTag());
        assertThat(p.virtualTime()).isCloseTo(minBacklogged, within(1e-9));
    }
}
