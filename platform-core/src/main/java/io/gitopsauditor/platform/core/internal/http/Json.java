package io.gitopsauditor.platform.core.internal.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The platform's one JSON configuration: ISO-8601 times, absent values left out, limits on what a
 * document may be, and no field twice in one object.
 */
public final class Json {
    private Json() {
    }

    /** Deeper than any document the API needs; a 100,000-deep attack stops here with a 400, not a stack overflow. */
    public static final int MAX_NESTING = 64;
    /** A request body is at most server.max-request-size anyway; no single string needs more. */
    public static final int MAX_STRING = 1_000_000;

    /**
     * A field given twice ({@code {"scope":"READ","scope":"ADMIN"}}) is refused while parsing, a 400.
     * Otherwise which value counts depends on the parser (a proxy or a plugin's own parsing may pick
     * the other one), and Jackson cannot even bind it to a record: it fails with a definition error,
     * which is a 500.
     */
    public static ObjectMapper mapper() {
        com.fasterxml.jackson.core.JsonFactory factory = com.fasterxml.jackson.core.JsonFactory.builder()
                .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING).maxStringLength(MAX_STRING).maxNumberLength(100).build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                // A path is written as the path people type, not Jackson's default file:// URI.
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("paths")
                        .addSerializer(java.nio.file.Path.class, new com.fasterxml.jackson.databind.ser.std.ToStringSerializer()))
                .enable(com.fasterxml.jackson.databind.MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
    }
}
