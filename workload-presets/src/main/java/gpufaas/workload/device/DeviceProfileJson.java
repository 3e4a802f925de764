package gpufaas.workload.device;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gpufaas.engine.device.DeviceProfile;
import gpufaas.engine.model.BadInputException;
import gpufaas.workload.json.JsonMappers;
import gpufaas.workload.json.RecordTree;
import java.io.IOException;

/**
 * The JSON form of a {@link DeviceProfile}, with no list of fields of its own: a file is bound
 * through {@link DeviceProfile.Builder} (its setters are the keys, in snake_case; its defaults fill
 * what a file leaves out; its {@code build} is the one validation, naming the field), and written
 * from the record's components in declaration order. {@code sources} (where the numbers come from)
 * sits beside the profile's keys; the engine does not need it.
 */
final class DeviceProfileJson {
    /** The key beside the profile's own. */
    static final String SOURCES = "sources";

    @JsonDeserialize(builder = DeviceProfile.Builder.class)
    private abstract static class ProfileMixIn {}

    @JsonPOJOBuilder(withPrefix = "")
    @JsonIgnoreProperties({SOURCES})
    private abstract static class BuilderMixIn {}

    /** The strict mapper, binding profiles through their builder; a MIG profile's keys are all required. */
    private static final ObjectMapper MAPPER = JsonMappers.strict()
            .copy()
            .addMixIn(DeviceProfile.class, ProfileMixIn.class)
            .addMixIn(DeviceProfile.Builder.class, BuilderMixIn.class)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private DeviceProfileJson() {}

    /** The profile in {@code json} (null for an empty document). */
    static DeviceProfile read(byte[] json) throws IOException {
        return MAPPER.readValue(json, DeviceProfile.class);
    }

    /** The {@code sources} text of {@code json} (which {@link #read} accepted), or null. */
    static String sources(byte[] json, String source) throws IOException {
        JsonNode s = MAPPER.readTree(json).get(SOURCES);
        if (s == null || s.isNull()) return null;
        if (!s.isTextual()) throw new BadInputException(source, 0, SOURCES, "expected a text");
        return s.asText();
    }

    /** The profile's keys in declaration order, then {@code sources} unless null. */
    static ObjectNode tree(DeviceProfile p, String sources) {
        ObjectNode o = RecordTree.of(p);
        if (sources != null) o.put(SOURCES, sources);
        return o;
    }
}
