import { Validator, type OutputUnit, type Schema } from "@cfworker/json-schema";
import {
  createErrorHandler, ErrorSchemaBuilder, unwrapErrorHandler, validationDataMerge,
  type CustomValidator, type ErrorTransformer, type RJSFSchema, type RJSFValidationError,
  type UiSchema, type ValidationData, type ValidatorType,
} from "@rjsf/utils";

/**
 * The form library's validator, on @cfworker/json-schema instead of its usual AJV: AJV compiles
 * each schema into a function with `new Function`, which the dashboard's Content-Security-Policy
 * (`script-src 'self'`, no 'unsafe-eval') forbids, so every form would fail in the browser. This
 * validator interprets the schema (draft 2020-12, the server's draft) and never evaluates code.
 */

/** Keywords that only report that something beneath them failed: their children say what. */
const WRAPPERS = new Set(["properties", "items", "prefixItems", "allOf", "anyOf", "oneOf", "$ref", "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "contains", "dependentSchemas", "if", "then", "else"]);

/** "#/folders/0" -> ["folders", 0] */
function instancePath(location: string): (string | number)[] {
  return location
    .replace(/^#\/?/, "")
    .split("/")
    .filter((part) => part.length > 0)
    .map((part) => decodeURIComponent(part.replace(/~1/g, "/").replace(/~0/g, "~")))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** cfworker's message, made readable: it leads with "Instance does not ..." and repeats the location. */
function readable(unit: OutputUnit): string {
  if (unit.keyword === "required") {
    const key = /"([^"]+)"/.exec(unit.error)?.[1];
    return key ? `${key} is required` : "a required value is missing";
  }
  if (unit.keyword === "minimum") return `must be at least ${/(-?\d+(?:\.\d+)?)\.?$/.exec(unit.error)?.[1] ?? "the minimum"}`;
  if (unit.keyword === "maximum") return `must be at most ${/(-?\d+(?:\.\d+)?)\.?$/.exec(unit.error)?.[1] ?? "the maximum"}`;
  if (unit.keyword === "type") return `must be ${/type "([^"]+)"/.exec(unit.error)?.[1] ?? "of another type"}`;
  if (unit.keyword === "enum") return "must be one of the offered choices";
  return unit.error.replace(/^Instance /, "").replace(/ at "#[^"]*"/, "");
}

function validate(schema: RJSFSchema, data: unknown): OutputUnit[] {
  return new Validator(schema as Schema, "2020-12", false).validate(data ?? {}).errors.filter((unit) => !WRAPPERS.has(unit.keyword));
}

/** The library's error list, and the same errors placed by path (a key may hold dots, so never re-split `property`). */
function toRjsfErrors<T>(units: OutputUnit[]): ValidationData<T> {
  const builder = new ErrorSchemaBuilder<T>();
  const errors = units.map((unit): RJSFValidationError => {
    let path = instancePath(unit.instanceLocation);
    // "required" is reported on the object; the form shows it on the missing field.
    const missing = unit.keyword === "required" ? /"([^"]+)"/.exec(unit.error)?.[1] : undefined;
    if (missing) path = [...path, missing];
    const message = readable(unit);
    builder.addErrors(message, path.length > 0 ? path.map(String) : undefined);
    const property = path.length > 0 ? "." + path.join(".") : ".";
    return { name: unit.keyword, property, message, stack: `${property} ${message}`.trim(), schemaPath: unit.keywordLocation };
  });
  return { errors, errorSchema: builder.ErrorSchema };
}

/** An eval-free {@link ValidatorType} for @rjsf/core (see the file comment for why not AJV). */
export const schemaValidator: ValidatorType = {
  validateFormData<T>(formData: T | undefined, schema: RJSFSchema, customValidate?: CustomValidator<T>,
    transformErrors?: ErrorTransformer<T>, uiSchema?: UiSchema<T>): ValidationData<T> {
    // transformErrors (which SchemaForm does not pass) may rewrite messages, not move them: placement stays by path.
    const data = toRjsfErrors<T>(validate(schema, formData));
    if (transformErrors) data.errors = transformErrors(data.errors, uiSchema);
    if (!customValidate) return data;
    const custom = unwrapErrorHandler(customValidate(formData, createErrorHandler<T>(formData as T), uiSchema));
    return validationDataMerge(data, custom);
  },
  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    // Sub-schemas may point into the root's $defs: validate with the root's definitions beside them.
    const withDefs = rootSchema.$defs ? { ...schema, $defs: rootSchema.$defs } : schema;
    try {
      return new Validator(withDefs as Schema, "2020-12", false).validate(formData).valid;
    } catch {
      return false;
    }
  },
  rawValidation<Result>(schema: RJSFSchema, formData?: unknown) {
    try {
      return { errors: validate(schema, formData) as Result[] };
    } catch (error) {
      return { validationError: error as Error };
    }
  },
};
