package io.gitopsauditor.plugins.audit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a JSON document against a JSON Schema, for the part of draft 2020-12 the project's schemas
 * use: {@code type}, {@code required}, {@code properties}, {@code additionalProperties} (a schema),
 * {@code items}, {@code enum}, {@code const}, {@code minimum}, {@code pattern},
 * {@code format: date-time} and {@code $ref} to {@code #/$defs/...}. Anything else in a schema is
 * an error here, so the check cannot silently pass over a keyword it does not know.
 *
 * <p>Stricter than the standard in one way: an object whose schema lists {@code properties} and no
 * {@code additionalProperties} may hold only those properties. A field the schema does not describe
 * means the schema (the documentation users code against) is behind the export.
 */
public final class JsonSchemaCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KNOWN = List.of("$schema", "$id", "$defs", "title", "description", "type", "required",
            "properties", "additionalProperties", "items", "enum", "const", "minimum", "pattern", "format", "$ref");

    private final JsonNode root;

    private JsonSchemaCheck(JsonNode root) {
        this.root = root;
    }

    /** @param schema a schema file, e.g. {@code docs/audit-run-v1.schema.json} */
    public static JsonSchemaCheck of(Path schema) {
        try {
            return new JsonSchemaCheck(JSON.readTree(Files.readString(schema)));
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

    /** @return every violation, as {@code $.path: what}; empty when the document fits */
    public List<String> violations(JsonNode document) {
        List<String> errors = new ArrayList<>();
        check(document, root, "$", errors);
        return errors;
    }

    private void check(JsonNode value, JsonNode schema, String at, List<String> errors) {
        for (Iterator<String> keys = schema.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!KNOWN.contains(key)) {
                throw new IllegalArgumentException("schema keyword '" + key + "' at " + at + " is not supported by this check");
            }
        }
        if (schema.has("$ref")) {
            check(value, resolve(schema.get("$ref").asText()), at, errors);
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(at + ": must be " + schema.get("const") + ", is " + value);
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            errors.add(at + ": must be one of " + schema.get("enum") + ", is " + value);
        }
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            errors.add(at + ": must be of type " + schema.get("type").asText() + ", is " + value.getNodeType());
            return;
        }
        if (schema.has("minimum") && value.isNumber() && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            errors.add(at + ": must be at least " + schema.get("minimum") + ", is " + value);
        }
        if (schema.has("pattern") && value.isTextual() && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            errors.add(at + ": must match " + schema.get("pattern").asText() + ", is " + value);
        }
        if (schema.has("format") && schema.get("format").asText().equals("date-time") && value.isTextual()) {
            try {
                OffsetDateTime.parse(value.asText());
            } catch (DateTimeParseException e) {
                errors.add(at + ": must be a date-time, is " + value);
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, at, errors);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "[" + i + "]", errors);
            }
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String at, List<String> errors) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(at + ": lacks the required field '" + required.asText() + "'");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = at + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), path, errors);
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, path, errors);
            } else if (additional != null && additional.isBoolean() && additional.asBoolean()) {
                continue;
            } else if (properties.size() > 0 || (additional != null && !additional.asBoolean())) {
                errors.add(path + ": is not described by the schema");
            }
        }
    }

    private JsonNode resolve(String ref) {
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local $refs are supported, got " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("$ref " + ref + " points nowhere");
        }
        return target;
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode allowed : values) {
            if (allowed.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }
}
