package gpufaas.views.run;

import gpufaas.views.decisions.DecisionRecord;
import gpufaas.views.latency.LatencyCurves;
import gpufaas.views.live.TimelineMarker;
import gpufaas.views.live.TimelineSegment;
import java.util.List;

/**
 * What one frame applies: the latest snapshot, the latency curves if rebuilt since the last frame
 * (else null), and everything appended since the last frame (timeline segments and markers,
 * decisions). {@code reset} says the run was loaded or reset since: views clear their history first.
 */
public record FrameUpdate(
        LiveSnapshot snapshot,
        LatencyCurves latency,
        List<TimelineSegment> segments,
        List<TimelineMarker> markers,
        List<DecisionRecord> decisions,
        boolean reset) {}
