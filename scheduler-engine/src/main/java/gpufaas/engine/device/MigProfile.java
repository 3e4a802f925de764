package gpufaas.engine.device;

import static gpufaas.engine.model.InvalidFieldException.require;

/**
 * A MIG instance profile: its compute slices out of the GPU's total, its memory, and how many such
 * instances one GPU can hold when partitioned uniformly.
 */
public record MigProfile(String name, int computeSlices, int totalSlices, double memoryMb, int count) {
    public MigProfile {
        require(name != null && !name.isBlank(), "name", "must not be empty");
        require(totalSlices > 0, "total_slices", "must be > 0");
        require(
                computeSlices > 0 && computeSlices <= totalSlices,
                "compute_slices",
                "must be between 1 and total_slices");
        require(memoryMb > 0 && Double.isFinite(memoryMb), "memory_mb", "must be > 0");
        require(count > 0, "count", "must be > 0");
    }

    public double computeShare() {
        return (double) computeSlices / totalSlices;
    }
}
