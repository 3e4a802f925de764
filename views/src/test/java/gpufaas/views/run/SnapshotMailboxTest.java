package gpufaas.views.run;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.views.live.Phase;
import gpufaas.views.live.TimelineSegment;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotMailboxTest {
    private static LiveSnapshot snap(long generation, long time) {
        LiveSnapshot e = LiveSnapshot.empty();
        return new LiveSnapshot(
                generation,
                RunStatus.PLAYING,
                "",
                null,
                "",
                List.of(),
                time,
                -1,
                e.speed(),
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                0,
                "",
                Double.NaN,
                Double.NaN,
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                0);
    }

    private static TimelineSegment seg(long t) {
        return new TimelineSegment(0, 0, 0, Phase.EXEC, t, t + 1);
    }

    @Test
    void drain_coalescesSnapshotsButKeepsEveryAppendedRecord() {
        SnapshotMailbox m = new SnapshotMailbox();
        m.post(snap(1, 10), List.of(seg(1)), List.of(), List.of());
        m.post(snap(1, 20), List.of(seg(2), seg(3)), List.of(), List.of());
        FrameUpdate u = m.drain();
        assertThat(u.snapshot().timeUs()).isEqualTo(20);
        assertThat(u.segments()).hasSize(3);
        assertThat(u.reset()).isTrue();
        assertThat(m.drain()).as("nothing new").isNull();
        m.post(snap(1, 30), List.of(), List.of(), List.of());
        assertThat(m.drain().reset()).isFalse();
    }

    @Test
    void newGeneration_discardsTheOldOnesUndrainedRecords() {
        SnapshotMailbox m = new SnapshotMailbox();
        m.post(snap(1, 10), List.of(seg(1)), List.of(), List.of());
        m.post(snap(2, 0), List.of(seg(9)), List.of(), List.of());
        FrameUpdate u = m.drain();
        assertThat(u.segments()).extracting(TimelineSegment::fromUs).containsExactly(9L);
        assertThat(u.reset()).isTrue();
    }
}
