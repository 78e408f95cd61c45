import type { SettingSource, SettingsSchema } from "./settingsSchema";

/**
 * The props of {@link SchemaForm}. Shaped after one group of GET /api/platform/settings, so a
 * settings page passes a group's `schema`, `values` and `sources` straight through; any other
 * JSON Schema object works too (then leave `sources` out).
 */
export interface SchemaFormProps {
  /**
   * A JSON Schema (2020-12) object; each property is one field, its widget chosen by
   * `x-setting` (text, number, boolean, choice, list, folder, secret) or else by its `type`.
   * `title`, `description`, `default`, `enum`, `items`, `minimum`, `maximum` and `required` are
   * honoured and checked in the browser before anything is sent.
   */
  schema: SettingsSchema;
  /** The current values by key. A secret's value is `{set, updatedAt}`: shown as "set"/"not set", never pre-filled. */
  values: Record<string, unknown>;
  /** Where each value comes from; `file` and `environment` keys are shown read-only with that source named. */
  sources?: Record<string, SettingSource>;
  /** For fixed keys, what fixes them (a file's path, a variable's name), named in the read-only note. */
  fixedBy?: Record<string, string>;
  /**
   * Saves the changed keys only (a cleared field as `null`; a secret only when typed). Reject
   * with an {@link ApiError} to show its message beside the Save button; its problem's
   * `errors: [{field, message}]` are shown on their fields (`folders`, `folders.1`).
   */
  onSubmit: (changes: Record<string, unknown>) => Promise<unknown>;
  /** The Save button's text; default "Save". */
  submitLabel?: string;
  /** Prefix of the fields' element ids, unique per form when a page shows several; default "root". */
  idPrefix?: string;
}
