package gpufaas.views.live;

import static org.assertj.core.api.Assertions.assertThat;

import gpufaas.engine.policy.FlowState;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveModelTest {

    @Test
    void tagScale_fitsVTheBandAndEveryBackloggedTag() {
        List<FlowRow> flows = List.of(
                new FlowRow(0, "a", 2, 0, FlowState.ACTIVE, 12, 13),
                new FlowRow(1, "b", 1, 0, FlowState.THROTTLED, 30, 31),
                new FlowRow(2, "c", 0, 0, FlowState.INACTIVE, 99, 99));
        TagScale s = TagScale.of(10, 5, flows);
        assertThat(s.share(10)).isGreaterThan(0);
        assertThat(s.share(15)).isLessThan(s.share(30));
        assertThat(s.share(30)).isLessThan(1);
        assertThat(s.share(99)).as("idle flows do not stretch the scale").isEqualTo(1);
        assertThat(TagScale.of(Double.NaN, Double.NaN, flows)).isNull();
    }

    @Test
    void timelineBuffer_keepsTheRecentPast() {
        TimelineBuffer b = new TimelineBuffer(10_000_000);
        b.add(
                List.of(
                        new TimelineSegment(0, 0, 1, Phase.EXEC, 0, 1_000_000),
                        new TimelineSegment(0, 1, 2, Phase.EXEC, 5_000_000, 25_000_000)),
                List.of(new TimelineMarker(0, 1, TimelineMarker.Kind.COLD_START, 0)),
                25_000_000);
        assertThat(b.segmentCount()).isEqualTo(1);
        assertThat(b.markerCount()).isZero();
        assertThat(b.segments(15_000_000, 25_000_000)).hasSize(1);
        assertThat(b.segments(0, 4_000_000)).isEmpty();
    }

    @Test
    void palette_isStableAndStatesHaveDistinctColours() {
        assertThat(FunctionPalette.colour(0)).isEqualTo(FunctionPalette.colour(17));
        assertThat(FunctionPalette.state(FlowState.ACTIVE)).isNotEqualTo(FunctionPalette.state(FlowState.THROTTLED));
        assertThat(FunctionPalette.stateText(FlowState.THROTTLED)).contains("Throttled");
    }
}
