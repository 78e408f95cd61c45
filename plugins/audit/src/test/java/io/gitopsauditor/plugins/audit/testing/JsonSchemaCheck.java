package io.gitopsauditor.plugins.audit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a JSON document against a published JSON Schema (draft 2020-12, with {@code format}
 * asserted, so a {@code date-time} must be one), through networknt's json-schema-validator.
 *
 * <p>Stricter than the schema in one way: an object whose schema lists {@code properties} and no
 * {@code additionalProperties} may hold only those properties. A field the schema does not describe
 * means the schema (the documentation users code against) is behind the export; the published
 * schema itself stays open to fields added later.
 */
public final class JsonSchemaCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Schema schema;

    private JsonSchemaCheck(Schema schema) {
        this.schema = schema;
    }

    /** @param schemaFile a schema file, e.g. {@code docs/audit-run-v1.schema.json} */
    public static JsonSchemaCheck of(Path schemaFile) {
        try {
            JsonNode root = JSON.readTree(Files.readString(schemaFile));
            closeDescribedObjects(root);
            return new JsonSchemaCheck(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's {@code docs/audit-run-v1.schema.json}, found from the module's folder (Surefire's working directory). */
    public static JsonSchemaCheck auditRunV1() {
        Path base = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        for (Path dir = base; dir != null; dir = dir.getParent()) {
            Path schema = dir.resolve("docs/audit-run-v1.schema.json");
            if (Files.isRegularFile(schema)) {
                return of(schema);
            }
        }
        throw new IllegalStateException("no docs/audit-run-v1.schema.json above " + base);
    }

    /** @return every violation, as {@code <where>: <what>}; empty when the document fits */
    public List<String> violations(JsonNode document) {
        return schema.validate(document, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Error::toString).toList();
    }

    /** Adds {@code additionalProperties: false} to every subschema with {@code properties} and no word on others. */
    private static void closeDescribedObjects(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("properties").isObject() && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        node.forEach(JsonSchemaCheck::closeDescribedObjects);
    }
}
