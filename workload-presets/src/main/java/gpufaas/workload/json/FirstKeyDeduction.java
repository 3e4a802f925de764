package gpufaas.workload.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.impl.AsDeductionTypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Jackson's type deduction ({@code JsonTypeInfo.Id.DEDUCTION}) decided by the first key when that
 * key belongs to one record only: the record's deserializer then reads the object as it streams.
 * Jackson's own deduction buffers the first key's value before it decides, so an error inside it
 * (a bad arrival process in a workload's {@code functions}) would be reported at the end of that
 * value instead of its own line. Any other case is Jackson's deduction. Used through
 * {@code @JsonTypeResolver(FirstKeyDeduction.Resolver.class)} beside {@code @JsonTypeInfo(use = DEDUCTION)}.
 */
public final class FirstKeyDeduction extends AsDeductionTypeDeserializer {
    private static final long serialVersionUID = 1L;
    /** a key that belongs to one record only → that record's type id (its class name, as deduction's ids are) */
    private final Map<String, String> idByKey;

    private FirstKeyDeduction(AsDeductionTypeDeserializer src, BeanProperty property, Map<String, String> idByKey) {
        super(src, property);
        this.idByKey = idByKey;
    }

    @Override
    public TypeDeserializer forProperty(BeanProperty prop) {
        return prop == _property ? this : new FirstKeyDeduction(this, prop, idByKey);
    }

    @Override
    public Object deserializeTypedFromObject(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) t = p.nextToken();
        if (t == JsonToken.FIELD_NAME) {
            String id = idByKey.get(p.currentName());
            if (id != null) return _findDeserializer(ctxt, id).deserialize(p, ctxt);
        }
        return super.deserializeTypedFromObject(p, ctxt);
    }

    /** Builds the deduction as Jackson does, then decides by the first key where it can. */
    public static final class Resolver extends StdTypeResolverBuilder {
        @Override
        public TypeDeserializer buildTypeDeserializer(
                DeserializationConfig config, JavaType baseType, Collection<NamedType> subtypes) {
            TypeDeserializer d = super.buildTypeDeserializer(config, baseType, subtypes);
            if (!(d instanceof AsDeductionTypeDeserializer deduction)) return d;
            Map<String, String> ids = new HashMap<>();
            Set<String> shared = new HashSet<>();
            for (NamedType s : subtypes) {
                for (String key : KnownKeys.properties(s.getType()).keySet()) {
                    if (ids.putIfAbsent(key, s.getType().getName()) != null) shared.add(key);
                }
            }
            ids.keySet().removeAll(shared);
            return new FirstKeyDeduction(deduction, null, Map.copyOf(ids));
        }
    }
}
