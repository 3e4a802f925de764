package gpufaas.views.live;

/**
 * A finished stretch of one device's timeline: lane {@code lane} (one of the device's D_max token
 * slots) ran function {@code fn} in phase {@code phase} from {@code fromUs} to {@code toUs}.
 */
public record TimelineSegment(int device, int lane, int fn, Phase phase, long fromUs, long toUs) {}
