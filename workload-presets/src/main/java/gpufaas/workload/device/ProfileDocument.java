package gpufaas.workload.device;

import gpufaas.engine.device.DeviceProfile;

/** A device profile as read from JSON, with the file's {@code sources} text (empty when absent). */
public record ProfileDocument(DeviceProfile profile, String sources) {
    public ProfileDocument {
        sources = sources == null ? "" : sources;
    }
}
