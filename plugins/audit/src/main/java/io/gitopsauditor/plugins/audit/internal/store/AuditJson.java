package io.gitopsauditor.plugins.audit.internal.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/** The one JSON mapping of the audit's records: stored rows, exports and events all read the same. */
public final class AuditJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // Paths as people type them (Jackson's default is a file:// URI), read back the same way.
            .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("paths")
                    .addSerializer(java.nio.file.Path.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer())
                    .addDeserializer(java.nio.file.Path.class, new com.fasterxml.jackson.databind.deser.std.FromStringDeserializer<>(java.nio.file.Path.class) {
                        @Override
                        protected java.nio.file.Path _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext context) {
                            return java.nio.file.Path.of(value);
                        }
                    }))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private AuditJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
