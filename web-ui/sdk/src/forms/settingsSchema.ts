/**
 * The settings wire format (GET /api/platform/settings) and the pure functions SchemaForm builds
 * on: which widget each `x-setting` type gets, which keys are fixed by a file or the environment,
 * server errors placed on their fields, and the partial body a save sends. No React, no form
 * library: these load with the SDK and are tested on their own.
 */

/** The setting types a settings schema names in `x-setting`. */
export type SettingType = "text" | "number" | "boolean" | "choice" | "list" | "folder" | "secret";

/** Where a setting's current value comes from; `file` and `environment` fix it. */
export type SettingSource = "default" | "dashboard" | "file" | "environment";

/** One property of a settings schema (JSON Schema 2020-12 plus `x-setting`). */
export interface SettingProperty {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  items?: SettingProperty;
  minimum?: number;
  maximum?: number;
  "x-setting"?: SettingType;
  [keyword: string]: unknown;
}

/** A settings group's schema: an object whose properties are the settings. */
export interface SettingsSchema {
  type?: "object";
  title?: string;
  description?: string;
  properties: Record<string, SettingProperty>;
  required?: string[];
  [keyword: string]: unknown;
}

/** What the server sends for a secret instead of its value, which it never sends. */
export interface SecretState {
  set: boolean;
  updatedAt?: string | null;
  /** Why a stored secret cannot be read (its key was lost or replaced); set it again to repair. */
  problem?: string;
}

/** One entry of a problem's `errors`: the field (`folders`, or `folders.1` / `folders[1]` for a row) and why. */
import type { FieldError } from "../mutation";
export type { FieldError };

/** The values a form edits: everything but secrets (never pre-filled). */
export type FormValues = Record<string, unknown>;

/** True when the file or the environment sets this key: the dashboard shows it, and cannot change it. */
export function isFixed(source: SettingSource | undefined): source is "file" | "environment" {
  return source === "file" || source === "environment";
}

/** "the configuration file" / "an environment variable": what a fixed key's note names. */
export function describeSource(source: "file" | "environment"): string {
  return source === "file" ? "the configuration file" : "an environment variable";
}

/** The type a property is edited as: its `x-setting`, else guessed from its JSON type. */
export function settingType(property: SettingProperty): SettingType {
  if (property["x-setting"]) return property["x-setting"];
  if (Array.isArray(property.enum)) return "choice";
  const type = Array.isArray(property.type) ? property.type.find((t) => t !== "null") : property.type;
  if (type === "array") return "list";
  if (type === "boolean") return "boolean";
  if (type === "number" || type === "integer") return "number";
  return "text";
}

/** A secret key's state as the server sent it, or "not set" for anything else. */
export function secretState(value: unknown): SecretState {
  if (value !== null && typeof value === "object" && "set" in value) return value as SecretState;
  return { set: false };
}

/**
 * The schema the form validates with: secrets that are set already are no longer required (their
 * field stays empty, "leave empty to keep" is the rule), so an untouched form passes.
 */
export function formSchema(schema: SettingsSchema, values: Record<string, unknown>): SettingsSchema {
  const required = (schema.required ?? []).filter(
    (key) => !(settingType(schema.properties[key] ?? {}) === "secret" && secretState(values[key]).set),
  );
  return { ...schema, type: "object", required };
}

/** The form's starting data: the values minus secrets, which are never pre-filled. */
export function initialFormValues(schema: SettingsSchema, values: Record<string, unknown>): FormValues {
  const data: FormValues = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    if (settingType(property) === "secret") continue;
    if (values[key] !== undefined && values[key] !== null) data[key] = values[key];
  }
  return data;
}

/** The ui hints per key: the widget for its type, read-only with the source named when fixed. */
export function buildUiSchema(schema: SettingsSchema, values: Record<string, unknown>, sources: Record<string, SettingSource>,
  fixedBy: Record<string, string> = {}) {
  const ui: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    const type = settingType(property);
    const source = sources[key];
    const options: Record<string, unknown> = { settingType: type };
    if (isFixed(source)) options.fixedBy = fixedBy[key] ?? describeSource(source);
    if (type === "secret") options.secret = secretState(values[key]);
    const entry: Record<string, unknown> = { "ui:options": options };
    if (type === "list") entry["ui:field"] = "list";
    else if (type === "folder") entry["ui:widget"] = "folder";
    else if (type === "secret") entry["ui:widget"] = "secret";
    else if (type === "choice") entry["ui:widget"] = "select";
    if (isFixed(source)) entry["ui:readonly"] = true;
    ui[key] = entry;
  }
  return ui;
}

/** `folders`, `folders.1`, `folders[1]`, `/folders/1` -> ["folders", 1]. */
export function fieldPath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, ".$1")
    .split(/[./]/)
    .filter((part) => part.length > 0)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * A field name split into the setting's key and the row within it. Keys may hold dots
 * (`github.api-url`), so the longest key the name starts with wins over splitting at every dot.
 */
export function settingPath(schema: SettingsSchema, field: string): (string | number)[] {
  const key = Object.keys(schema.properties)
    .filter((candidate) => field === candidate || field.startsWith(candidate + ".") || field.startsWith(candidate + "["))
    .sort((a, b) => b.length - a.length)[0];
  return key === undefined ? fieldPath(field) : [key, ...fieldPath(field.slice(key.length))];
}

/** Nested errors as the form library places them: `{folders: {__errors: [...], 1: {__errors: [...]}}}`. */
export type PlacedErrors = { __errors?: string[] } & { [key: string]: PlacedErrors | string[] | undefined };

/**
 * The server's `errors[]` placed on their fields. Errors naming no field of this schema are
 * returned apart, to be shown beside the Save button, so that none is lost.
 */
export function placeServerErrors(schema: SettingsSchema, errors: FieldError[], sent: FormValues = {}): { placed: PlacedErrors; unplaced: string[] } {
  const placed: PlacedErrors = {};
  const unplaced: string[] = [];
  for (const error of errors) {
    let path = settingPath(schema, error.field);
    // A list's error that quotes exactly one of its rows (a folder that does not exist) goes on that row.
    const rows = path.length === 1 ? sent[String(path[0])] : undefined;
    if (Array.isArray(rows)) {
      const quoted = rows.flatMap((row, index) => (typeof row === "string" && row.trim() !== "" && error.message.includes(row.trim()) ? [index] : []));
      if (quoted.length === 1) path = [...path, quoted[0]];
    }
    if (path.length === 0 || !(String(path[0]) in schema.properties)) {
      unplaced.push(error.field ? `${error.field}: ${error.message}` : error.message);
      continue;
    }
    let node = placed;
    for (const part of path) {
      const next = (node[String(part)] as PlacedErrors | undefined) ?? {};
      node[String(part)] = next;
      node = next;
    }
    node.__errors = [...(node.__errors ?? []), error.message];
  }
  return { placed, unplaced };
}

/**
 * The PUT body of a save: the keys the user changed (a cleared field as `null`, which resets it to
 * its default), a secret only when something was typed, never a fixed key.
 */
export function changedValues(
  schema: SettingsSchema,
  initial: FormValues,
  edited: FormValues,
  sources: Record<string, SettingSource>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(schema.properties)) {
    if (isFixed(sources[key])) continue;
    const value = edited[key];
    if (settingType(property) === "secret") {
      if (typeof value === "string" && value.length > 0) body[key] = value;
      continue;
    }
    // The form fills a missing value with the schema's default: that is not a change.
    const before = initial[key] ?? property.default ?? null;
    if (JSON.stringify(value ?? null) !== JSON.stringify(before)) body[key] = value === undefined ? null : value;
  }
  return body;
}
