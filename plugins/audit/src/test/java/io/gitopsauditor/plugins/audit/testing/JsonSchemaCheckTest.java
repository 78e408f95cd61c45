package io.gitopsauditor.plugins.audit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema check the export tests rely on fails for what it must fail for, including its one strictness. */
class JsonSchemaCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonSchemaCheck check() throws Exception {
        Path schema = dir.resolve("run.schema.json");
        Files.writeString(schema, """
                {"$schema": "https://json-schema.org/draft/2020-12/schema",
                 "type": "object", "required": ["at", "run"],
                 "properties": {
                   "at": {"type": "string", "format": "date-time"},
                   "run": {"$ref": "#/$defs/run"},
                   "counts": {"type": "object", "additionalProperties": {"type": "integer", "minimum": 0}}},
                 "$defs": {"run": {"type": "object", "properties": {"state": {"enum": ["ok", "failed"]}}}}}
                """);
        return JsonSchemaCheck.of(schema);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aFittingDocumentHasNoViolations() throws Exception {
        assertThat(check().violations(json("""
                {"at": "2026-11-25T08:00:00Z", "run": {"state": "ok"}, "counts": {"clean": 3}}"""))).isEmpty();
    }

    @Test
    void eachKindOfMisfitIsAViolation() throws Exception {
        JsonSchemaCheck check = check();
        assertThat(check.violations(json("{\"run\": {}}"))).as("a required field missing").isNotEmpty();
        assertThat(check.violations(json("{\"at\": \"yesterday\", \"run\": {}}"))).as("not a date-time").isNotEmpty();
        assertThat(check.violations(json("{\"at\": \"2026-11-25T08:00:00Z\", \"run\": {\"state\": \"odd\"}}")))
                .as("outside the enum, through a $ref").isNotEmpty();
        assertThat(check.violations(json("{\"at\": \"2026-11-25T08:00:00Z\", \"run\": {}, \"counts\": {\"clean\": -1}}")))
                .as("below the minimum of additionalProperties").isNotEmpty();
    }

    @Test
    void aFieldTheSchemaDoesNotDescribeIsAViolation() throws Exception {
        JsonSchemaCheck check = check();
        assertThat(check.violations(json("{\"at\": \"2026-11-25T08:00:00Z\", \"run\": {}, \"extra\": 1}"))).isNotEmpty();
        assertThat(check.violations(json("{\"at\": \"2026-11-25T08:00:00Z\", \"run\": {\"state\": \"ok\", \"extra\": 1}}")))
                .as("inside a $defs subschema too").isNotEmpty();
    }
}
