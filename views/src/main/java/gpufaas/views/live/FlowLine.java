package gpufaas.views.live;

/**
 * A flow row as the table shows it in one frame: the flow plus what its lane is drawn against (V,
 * T, the shared scale, the longest queue), so a row changes, and redraws, whenever any of them does.
 */
public record FlowLine(FlowRow flow, double virtualTime, double overrun, TagScale scale, int maxQueue) {}
