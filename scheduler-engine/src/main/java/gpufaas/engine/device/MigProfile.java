package gpufaas.engine.device;

/**
 * A MIG instance profile: its compute slices out of the GPU's total, its memory, and how many such
 * instances one GPU can hold when partitioned uniformly.
 */
public record MigProfile(String name, int computeSlices, int totalSlices, double memoryMb, int count) {
    public MigProfile {
        if (computeSlices <= 0 || totalSlices <= 0 || computeSlices > totalSlices) {
            throw new IllegalArgumentException("MIG profile " + name + ": bad slices " + computeSlices + "/" + totalSlices);
        }
        if (!(memoryMb > 0) || count <= 0) throw new IllegalArgumentException("MIG profile " + name + ": bad memory or count");
    }

    public double computeShare() { return (double) computeSlices / totalSlices; }
}
