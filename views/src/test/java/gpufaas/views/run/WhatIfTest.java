package gpufaas.views.run;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.TestPlanner;
import gpufaas.views.decisions.DecisionExplainer;
import gpufaas.views.decisions.DecisionRecord;
import gpufaas.views.transport.Speed;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WhatIfTest {

    /** Every decision of a run played in the window, as the Decisions tab gets them. */
    private static List<DecisionRecord> decisions(RunPlan plan) throws Exception {
        List<DecisionRecord> all = new ArrayList<>();
        try (EngineSession s = new EngineSession(TestPlanner.SIM, Speed.MAX, 0)) {
            s.send(new EngineCommand.Load(plan));
            s.send(new EngineCommand.Play());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                Thread.sleep(10);
                FrameUpdate u = s.mailbox().drain();
                if (u != null) all.addAll(u.decisions());
                if (u != null && u.snapshot().status() == RunStatus.FINISHED) break;
            }
        }
        return all;
    }

    @Test
    void nextCandidateFlow_theRerunReproducesTheDecision_andTheAlternativeGoesFirst() throws Exception {
        RunPlan plan = TestPlanner.preset("paper-medium");
        List<DecisionRecord> log = decisions(plan);
        // a decision taken while other flows had work queued: there is another candidate
        DecisionRecord d = log.stream()
                .filter(r -> !r.backlogged().isEmpty() && r.timeUs() > 60_000_000)
                .findFirst()
                .orElseThrow();
        WhatIf.Result r = WhatIf.run(TestPlanner.SIM, plan, d, WhatIf.Alternative.nextFlow(), 30);
        assertThat(r.reproduced()).as(r.note()).isTrue();
        assertThat(r.applied()).as(r.note()).isTrue();
        assertThat(r.alternativeFunction()).isNotEqualTo(d.function()).isNotEmpty();
        assertThat(r.affected()).isPositive();
        assertThat(r.changed()).isPositive();
        assertThat(r.chosenAfter()).as("held aside, it starts later").isGreaterThanOrEqualTo(r.chosenBefore());
        assertThat(r.alternativeAfter())
                .as("it went in the held one's place")
                .isLessThanOrEqualTo(r.alternativeBefore());
        assertThat(r.regret()).isEqualTo(r.meanBefore() - r.meanAfter());
        assertThat(r.describe())
                .contains("What if, at " + DecisionExplainer.seconds(d.timeUs()) + " s")
                .contains("#" + d.invocation() + " of " + d.function())
                .contains("mean end-to-end")
                .contains("Regret");
    }

    @Test
    void everyDecisionOfTheWindowsRun_isReproducedByARerunFromTimeZero() throws Exception {
        RunPlan plan = TestPlanner.preset("teaching-3");
        List<DecisionRecord> log = decisions(plan);
        for (int i = 0; i < log.size(); i += 37) {
            WhatIf.Result r = WhatIf.run(TestPlanner.SIM, plan, log.get(i), WhatIf.Alternative.nextFlow(), 5);
            assertThat(r.reproduced())
                    .as("decision #%d: %s", log.get(i).seq(), r.note())
                    .isTrue();
        }
    }

    @Test
    void otherDevice_bindsTheInvocationThere() throws Exception {
        RunPlan plan = TestPlanner.preset("multi-gpu");
        List<DecisionRecord> log = decisions(plan);
        // under load the other GPU is seldom free at a decision; at the start it is
        DecisionRecord d = log.stream()
                .filter(r -> WhatIf.alternatives(r).size() > 1)
                .findFirst()
                .orElseThrow();
        WhatIf.Alternative alt = WhatIf.alternatives(d).get(1);
        assertThat(alt.flow()).isFalse();
        assertThat(alt.deviceIndex()).isNotEqualTo(d.context().deviceIndex());
        WhatIf.Result r = WhatIf.run(TestPlanner.SIM, plan, d, alt, 20);
        assertThat(r.reproduced()).as(r.note()).isTrue();
        assertThat(r.applied()).as(r.note()).isTrue();
        assertThat(r.alternativeId()).isEqualTo(-1);
        assertThat(r.describe()).contains("to " + alt.deviceName());
    }
}
