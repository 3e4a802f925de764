package gpufaas.views.live;

/**
 * A container's block as the residency map drew it: its device's place in the list, whether it is
 * in the host strip, the container, and the block's rectangle in the map's content coordinates.
 */
public record DrawnBlock(int device, boolean host, ContainerBlock block, int x, int y, int w, int h) {
    /** Whether the point lies in the block. */
    public boolean contains(double px, double py) {
        return px >= x && px < x + w && py >= y && py < y + h;
    }
}
